// The SDK's option-name ↔ URL-parameter table, read from the SDK itself so parsing follows whatever
// version is installed, plus the value rules its builder applies inline (not exported by the SDK).
import { supportedTransforms } from '@imagekit/nodejs/lib/transformation-utils';

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

/** Option names whose `true`/`false` values are stringified (`pr-true`); parsed back to booleans for forms. */
export const BOOLEAN_OPTIONS: ReadonlySet<string> = new Set([
  'progressive',
  'lossless',
  'metadata',
  'colorProfile',
  'original',
]);

/** `co` is `fontColor` for text layers and images but `color` inside subtitle layers. */
const PREFERRED_IN_CONTEXT: Record<string, Record<string, string>> = { subtitle: { co: 'color' } };

const optionsByUrlKey = new Map<string, string[]>();
for (const [option, urlKey] of Object.entries(supportedTransforms)) {
  // `raw` is not a URL parameter: its value is emitted verbatim.
  if (option !== 'raw') optionsByUrlKey.set(urlKey, [...(optionsByUrlKey.get(urlKey) ?? []), option]);
}

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
