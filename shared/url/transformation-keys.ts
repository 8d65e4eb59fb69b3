// The SDK's option-name ↔ URL-parameter table, plus the value rules its builder applies inline.
//
// The SDK keeps its table in an internal module (`lib/transformation-utils`) that is no part of its public
// API, and this code also runs in the renderer; so the table is written out here from ImageKit's documented
// parameter list, and a test compares it with the installed SDK's so drift is caught.
import { PARAMETERS } from '../transformations/catalog.js';

/** SDK transformation option → the URL parameter it writes (`raw` is written verbatim, without a key). */
export const SDK_TRANSFORM_KEYS: Readonly<Record<string, string>> = {
  // Basic sizing & layout
  width: 'w', height: 'h', aspectRatio: 'ar', background: 'bg', border: 'b', crop: 'c', cropMode: 'cm', dpr: 'dpr',
  focus: 'fo', quality: 'q', x: 'x', xCenter: 'xc', y: 'y', yCenter: 'yc', format: 'f', videoCodec: 'vc',
  audioCodec: 'ac', radius: 'r', rotation: 'rt', blur: 'bl', named: 'n', defaultImage: 'di', flip: 'fl',
  original: 'orig', startOffset: 'so', endOffset: 'eo', duration: 'du', streamingResolutions: 'sr',
  // AI & advanced effects
  grayscale: 'e-grayscale', aiUpscale: 'e-upscale', aiRetouch: 'e-retouch', aiVariation: 'e-genvar',
  aiDropShadow: 'e-dropshadow', aiChangeBackground: 'e-changebg', aiRemoveBackground: 'e-bgremove',
  aiRemoveBackgroundExternal: 'e-removedotbg', aiEdit: 'e-edit', contrastStretch: 'e-contrast', shadow: 'e-shadow',
  sharpen: 'e-sharpen', unsharpMask: 'e-usm', gradient: 'e-gradient', colorReplace: 'cr', colorize: 'e-colorize',
  distort: 'e-distort',
  // Other flags & finishing
  progressive: 'pr', lossless: 'lo', colorProfile: 'cp', metadata: 'md', opacity: 'o', trim: 't', zoom: 'z', page: 'pg',
  // Text overlays
  fontSize: 'fs', fontFamily: 'ff', fontColor: 'co', innerAlignment: 'ia', padding: 'pa', alpha: 'al',
  typography: 'tg', lineHeight: 'lh',
  // Subtitles
  fontOutline: 'fol', fontShadow: 'fsh', color: 'co',
  raw: 'raw',
};

/** Effects the SDK emits as the bare key for true/"true"/"-" and drops for any other value. */
export const FLAG_ONLY_EFFECTS: ReadonlySet<string> = new Set([
  'e-grayscale',
  'e-contrast',
  'e-removedotbg',
  'e-bgremove',
  'e-upscale',
  'e-retouch',
  'e-genvar',
]);

/** Effects the SDK emits bare for true/"true"/"" and as `key-value` otherwise. */
export const OPTIONAL_VALUE_EFFECTS: ReadonlySet<string> = new Set([
  'e-sharpen',
  'e-shadow',
  'e-gradient',
  'e-usm',
  'e-dropshadow',
]);

/** URL parameters whose value the SDK writes as a path with `/` → `@@`. */
export const PATH_VALUED_KEYS: ReadonlySet<string> = new Set(['di', 'ff']);

/** `co` is `fontColor` for text layers and images but `color` inside subtitle layers. */
const PREFERRED_IN_CONTEXT: Record<string, Record<string, string>> = { subtitle: { co: 'color' } };

const optionsByUrlKey = new Map<string, string[]>();
for (const [option, urlKey] of Object.entries(SDK_TRANSFORM_KEYS)) {
  // `raw` is not a URL parameter: its value is emitted verbatim.
  if (option !== 'raw') optionsByUrlKey.set(urlKey, [...(optionsByUrlKey.get(urlKey) ?? []), option]);
}

/**
 * Options of the catalog's boolean parameters (`progressive` for `pr`, …): the SDK stringifies their
 * `true`/`false` (`pr-true`), and they are parsed back to booleans for forms.
 */
export const BOOLEAN_OPTIONS: ReadonlySet<string> = new Set(
  PARAMETERS.filter((parameter) => parameter.type === 'boolean').flatMap((parameter) => optionsByUrlKey.get(parameter.key) ?? []),
);

export type LayerContext = 'text' | 'image' | 'video' | 'subtitle' | 'solidColor' | undefined;

/**
 * SDK option names that write this URL parameter, preferred first (a step that repeats `co` can hold it
 * once as fontColor and once as color); empty when the SDK has none (then it is kept as raw).
 */
export function optionsForUrlKey(urlKey: string, context: LayerContext): string[] {
  const options = optionsByUrlKey.get(urlKey) ?? [];
  const preferred = context ? PREFERRED_IN_CONTEXT[context]?.[urlKey] : undefined;
  return preferred ? [preferred, ...options.filter((option) => option !== preferred)] : options;
}
