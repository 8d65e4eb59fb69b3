/**
 * Every transformation parameter the emulator renders, described for people (the app's URL builder
 * shows these) and used by the parser to recognise keys. Behaviour follows ImageKit's documentation;
 * where it is undocumented the description says what the emulator chose.
 */
export type ParamGroup = 'resize & crop' | 'format & quality' | 'effects' | 'overlays' | 'video';
export type ParamType =
  | 'dimension'
  | 'number'
  | 'integer'
  | 'enum'
  | 'boolean'
  | 'color'
  | 'background'
  | 'flag'
  | 'flag-with-optional-value'
  | 'expression'
  | 'path'
  | 'text'
  | 'name';

export interface ParamSpec {
  key: string;
  name: string;
  type: ParamType;
  default?: string;
  values?: readonly string[];
  /** Inclusive numeric bounds where ImageKit documents them. */
  min?: number;
  max?: number;
  group: ParamGroup;
  description: string;
  /** Accepts arithmetic expressions (`iw_div_2`). */
  expressions?: boolean;
  /** Only meaningful inside a layer (`l-…,l-end`). */
  layerOnly?: boolean;
}

// Value lists of the enum parameters: the catalog shows them, the parser accepts exactly them and the step
// types (types.ts) are derived from them.
export const POSITIONS = ['center', 'top', 'left', 'bottom', 'right', 'top_left', 'top_right', 'bottom_left', 'bottom_right'] as const;
export const FOCUS_SPECIAL = ['auto', 'face', 'custom'] as const;
export const CROPS = ['maintain_ratio', 'force', 'at_max', 'at_max_enlarge', 'at_least'] as const;
export const CROP_MODES = ['pad_resize', 'extract', 'pad_extract'] as const;
export const FORMATS = ['auto', 'jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'orig', 'mp4', 'webm'] as const;
/** Video output codecs (`vc-none` drops the picture: audio only) and audio codecs (`ac-none` drops the sound). */
export const VIDEO_CODECS = ['h264', 'vp9', 'av1', 'none'] as const;
export const AUDIO_CODECS = ['aac', 'opus', 'none'] as const;
/** Heights ImageKit's adaptive bitrate streaming accepts in `sr-` (SPEC `StreamingResolution`). */
export const STREAMING_RESOLUTIONS = ['240', '360', '480', '720', '1080', '1440', '2160'] as const;
/** `v_h` is read as `h_v`. */
export const FLIPS = ['h', 'v', 'h_v', 'v_h'] as const;
export const LAYER_MODES = ['multiply', 'cutter', 'cutout', 'displace'] as const;
export const ALIGNMENTS = ['left', 'right', 'center'] as const;
export const TYPOGRAPHY = ['b', 'i', 'b_i', 'strikethrough'] as const;

export const PARAMETERS: readonly ParamSpec[] = [
  { key: 'w', name: 'Width', type: 'dimension', group: 'resize & crop', expressions: true, min: 0, description: 'Output width in px; 0<w<1 is a fraction of the input width; `auto` uses the Sec-CH-Width client hint.' },
  { key: 'h', name: 'Height', type: 'dimension', group: 'resize & crop', expressions: true, min: 0, description: 'Output height in px; 0<h<1 is a fraction of the input height.' },
  { key: 'ar', name: 'Aspect ratio', type: 'expression', group: 'resize & crop', expressions: true, description: '`ar-W-H` (or `W_H`, or an expression); derives the missing dimension when exactly one of w/h is given, ignored when both are.' },
  { key: 'c', name: 'Crop', type: 'enum', group: 'resize & crop', default: 'maintain_ratio', values: CROPS, description: 'How w×h is reached: crop excess (maintain_ratio), squeeze (force), fit inside without/with enlarging (at_max/at_max_enlarge) or cover (at_least).' },
  { key: 'cm', name: 'Crop mode', type: 'enum', group: 'resize & crop', values: CROP_MODES, description: 'pad_resize keeps the whole image and pads with bg; extract cuts a w×h region without resizing; pad_extract also pads a region larger than the image.' },
  { key: 'fo', name: 'Focus', type: 'enum', group: 'resize & crop', default: 'center', values: [...POSITIONS, ...FOCUS_SPECIAL], description: 'Where crops and padding anchor. `auto` uses saliency (sharp attention); `face` and object names fall back to attention (approximate); `custom` uses the file\'s customCoordinates.' },
  { key: 'z', name: 'Zoom', type: 'number', group: 'resize & crop', default: '1', min: 0, description: 'Zoom around the detected face/object (with fo-face or fo-<object>).' },
  { key: 'x', name: 'X', type: 'expression', group: 'resize & crop', expressions: true, description: 'Left edge of an extract region (cm-extract).' },
  { key: 'y', name: 'Y', type: 'expression', group: 'resize & crop', expressions: true, description: 'Top edge of an extract region (cm-extract).' },
  { key: 'xc', name: 'X centre', type: 'expression', group: 'resize & crop', expressions: true, description: 'Horizontal centre of an extract region; the region must stay inside the image.' },
  { key: 'yc', name: 'Y centre', type: 'expression', group: 'resize & crop', expressions: true, description: 'Vertical centre of an extract region; the region must stay inside the image.' },
  { key: 'dpr', name: 'Device pixel ratio', type: 'number', group: 'resize & crop', default: '1', min: 0.1, max: 5, description: 'Multiplies w and h (needs one of them); ignored when the result would be <1 or >5000 px. `auto` reads Sec-CH-DPR.' },
  { key: 'q', name: 'Quality', type: 'integer', group: 'format & quality', default: '80', min: 1, max: 100, description: 'Lossy quality for JPEG, WebP and AVIF.' },
  { key: 'f', name: 'Format', type: 'enum', group: 'format & quality', default: 'auto', values: FORMATS, description: 'Output format. `auto` picks WebP when the Accept header lists image/webp (AVIF only when enabled), else keeps the input format; PNGs with alpha never become JPEG. On videos: `mp4` (H.264/AAC), `webm` (VP9/Opus), `auto` = WebM when Accept lists video/webm, else MP4; on an animated GIF `mp4`/`webm` convert it to video.' },
  { key: 'pr', name: 'Progressive', type: 'boolean', group: 'format & quality', default: 'false', description: 'Progressive (interlaced) JPEG/PNG.' },
  { key: 'lo', name: 'Lossless', type: 'boolean', group: 'format & quality', default: 'false', description: 'Lossless WebP/AVIF.' },
  { key: 'md', name: 'Metadata', type: 'boolean', group: 'format & quality', default: 'false', description: 'Keep all metadata (stripped by default).' },
  { key: 'cp', name: 'Colour profile', type: 'boolean', group: 'format & quality', default: 'false', description: 'Keep only the ICC colour profile.' },
  { key: 'orig', name: 'Original', type: 'boolean', group: 'format & quality', description: 'Serve the original bytes; every other parameter is ignored.' },
  { key: 'pg', name: 'Page', type: 'integer', group: 'format & quality', min: 1, description: 'Page/frame of a multi-page input (GIF, animated WebP).' },
  { key: 'rt', name: 'Rotate', type: 'number', group: 'effects', description: 'Clockwise degrees (`N` prefix = counter-clockwise); other angles than multiples of 90 grow the canvas (fill = bg, else black/transparent). `auto` applies EXIF orientation (always applied on load).' },
  { key: 'fl', name: 'Flip', type: 'enum', group: 'effects', values: FLIPS, description: 'Mirror horizontally, vertically or both.' },
  { key: 'r', name: 'Radius', type: 'expression', group: 'effects', description: 'Rounded corners in px (one value or `tl_tr_br_bl`) or `max` for a circle/ellipse; corners become transparent, or bg-coloured in formats without alpha.' },
  { key: 'b', name: 'Border', type: 'expression', group: 'effects', expressions: true, description: '`b-<width>_<colour>`: adds a border around the image, growing the canvas by 2×width.' },
  { key: 'bg', name: 'Background', type: 'background', group: 'effects', default: '000000', description: 'Padding/background colour (RRGGBB, RRGGBBAA with decimal AA opacity, CSS name), `blurred[_amount][_brightness]` (pad_resize) or `dominant`.' },
  { key: 'o', name: 'Opacity', type: 'integer', group: 'effects', default: '100', min: 0, max: 100, description: 'Opacity in percent (multiplies the alpha channel).' },
  { key: 'bl', name: 'Blur', type: 'number', group: 'effects', min: 1, max: 100, description: 'Gaussian blur radius; the emulator uses sigma = radius / 2.' },
  { key: 't', name: 'Trim', type: 'enum', group: 'effects', values: ['true', 'false'], description: 'Trim a solid border colour: `true` (threshold 10) or a threshold 1–99. On by default inside image layers.' },
  { key: 'e-grayscale', name: 'Grayscale', type: 'flag', group: 'effects', description: 'Convert to grayscale.' },
  { key: 'e-contrast', name: 'Contrast stretch', type: 'flag-with-optional-value', group: 'effects', description: 'Stretch the contrast to the full range (sharp normalise).' },
  { key: 'e-sharpen', name: 'Sharpen', type: 'flag-with-optional-value', group: 'effects', description: 'Sharpen; an optional amount (higher = stronger) maps to sharp sigma = 1 + amount / 20.' },
  { key: 'e-usm', name: 'Unsharp mask', type: 'flag-with-optional-value', group: 'effects', description: '`e-usm-<radius>-<sigma>-<amount>-<threshold>`, approximated with sharp sharpen.' },
  { key: 'e-shadow', name: 'Shadow', type: 'flag-with-optional-value', group: 'effects', description: '`e-shadow[-bl-<0-15>][_st-<0-100>][_x-<%>][_y-<%>]` under the non-transparent pixels; input over 2 MP is refused.' },
  { key: 'e-gradient', name: 'Gradient', type: 'flag-with-optional-value', group: 'effects', description: '`e-gradient[-ld-<deg>][_from-<colour>][_to-<colour>][_sp-<stop>]`: linear gradient over the image (default white→transparent, top to bottom).' },
  { key: 'n', name: 'Named transformation', type: 'name', group: 'effects', description: 'Expands a stored transformation (e.g. `ik_ml_thumbnail`); an unknown name is a 400.' },
  { key: 'di', name: 'Default image', type: 'path', group: 'effects', description: 'Library path (`/` written as `@@`) served, with the same transformation, when the requested file is missing.' },
  { key: 'l', name: 'Layer', type: 'enum', group: 'overlays', values: ['image', 'text', 'end'], description: 'Starts (`l-image`, `l-text`) or ends (`l-end`) a layer; layers nest up to 3 levels.' },
  { key: 'i', name: 'Layer input', type: 'text', group: 'overlays', layerOnly: true, description: 'Image path (`@@` for `/`), `ik_canvas` for a solid block, or URL-encoded text.' },
  { key: 'ie', name: 'Layer input (base64)', type: 'text', group: 'overlays', layerOnly: true, description: 'Base64 of the image path or text; wins over `i`.' },
  { key: 'lx', name: 'Layer X', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Left of the layer on its base (N = negative); clamped to the base.' },
  { key: 'ly', name: 'Layer Y', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Top of the layer on its base (N = negative); clamped to the base.' },
  { key: 'lxc', name: 'Layer X centre', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Horizontal centre of the layer.' },
  { key: 'lyc', name: 'Layer Y centre', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Vertical centre of the layer.' },
  { key: 'lfo', name: 'Layer focus', type: 'enum', group: 'overlays', layerOnly: true, default: 'center', values: POSITIONS, description: 'Relative position of the layer; ignored when lx/ly are given.' },
  { key: 'lap', name: 'Layer anchor', type: 'enum', group: 'overlays', layerOnly: true, default: 'top_left', values: POSITIONS, description: 'Which point of the layer lx/ly place.' },
  { key: 'lm', name: 'Layer mode', type: 'enum', group: 'overlays', layerOnly: true, values: LAYER_MODES, description: 'Blend mode: multiply, cutter (keep base only under the layer), cutout (punch the layer out); displace is drawn normally.' },
  { key: 'fs', name: 'Font size', type: 'expression', group: 'overlays', layerOnly: true, default: '45', expressions: true, description: 'Text size in px.' },
  { key: 'co', name: 'Font colour', type: 'color', group: 'overlays', layerOnly: true, default: '000000', description: 'Text colour (the emulator\'s default is black).' },
  { key: 'ff', name: 'Font family', type: 'name', group: 'overlays', layerOnly: true, default: 'DejaVuSans', description: 'Bundled font (DejaVu Sans/Serif/Mono; ImageKit names such as Roboto fall back to DejaVu Sans) or a library .ttf path with `@@`.' },
  { key: 'ia', name: 'Inner alignment', type: 'enum', group: 'overlays', layerOnly: true, default: 'center', values: ALIGNMENTS, description: 'Alignment of wrapped text lines.' },
  { key: 'pa', name: 'Padding', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'CSS-style padding `a[_b[_c[_d]]]` around text.' },
  { key: 'al', name: 'Alpha', type: 'integer', group: 'overlays', layerOnly: true, min: 1, max: 9, description: 'Layer transparency 1 (most transparent) to 9.' },
  { key: 'tg', name: 'Typography', type: 'enum', group: 'overlays', layerOnly: true, values: TYPOGRAPHY, description: 'Bold, italic, both, or strikethrough.' },
  { key: 'lh', name: 'Line height', type: 'number', group: 'overlays', layerOnly: true, description: 'Extra spacing between wrapped lines in px.' },
  { key: 'lso', name: 'Layer start', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Second of the base video at which the layer appears (videos only; `bdu` is the base duration).' },
  { key: 'leo', name: 'Layer end', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Second of the base video at which the layer disappears; wins over ldu.' },
  { key: 'ldu', name: 'Layer duration', type: 'expression', group: 'overlays', layerOnly: true, expressions: true, description: 'Seconds the layer stays visible from lso.' },
  { key: 'so', name: 'Start offset', type: 'expression', group: 'video', expressions: true, min: 0, description: 'Trim: seconds cut from the start (`idu_div_2` = from the middle); must be less than the duration. On `/ik-thumbnail.jpg`, the frame time.' },
  { key: 'eo', name: 'End offset', type: 'expression', group: 'video', expressions: true, min: 0, description: 'Trim: second at which the output ends; wins over du.' },
  { key: 'du', name: 'Duration', type: 'expression', group: 'video', expressions: true, min: 0, description: 'Trim: seconds kept from the start offset.' },
  { key: 'vc', name: 'Video codec', type: 'enum', group: 'video', values: VIDEO_CODECS, description: 'h264, vp9, av1 (when the encoder has it) or none (audio only).' },
  { key: 'ac', name: 'Audio codec', type: 'enum', group: 'video', values: AUDIO_CODECS, description: 'aac, opus or none (no sound).' },
  { key: 'sr', name: 'Streaming resolutions', type: 'text', group: 'video', values: STREAMING_RESOLUTIONS, description: 'Adaptive bitrate renditions by height, e.g. `sr-240_360_480_720_1080`, on `/ik-master.m3u8` (HLS) or `/ik-master.mpd` (DASH).' },
];

export const PARAMETER_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(PARAMETERS.map((p) => [p.key, p]));

/** Pre-2023 overlay keys that ImageKit now answers with 400. */
export const LEGACY_OVERLAY_KEYS: ReadonlySet<string> = new Set([
  'oi', 'ot', 'ox', 'oy', 'ofo', 'oh', 'ow', 'oiar', 'oibg', 'oib', 'oidpr', 'oiq', 'oic', 'oifo', 'oit', 'oix', 'oiy', 'oixc', 'oiyc',
  'ots', 'otf', 'otc', 'oa', 'ott', 'obg', 'ote', 'otw', 'otbg', 'otp', 'otia', 'or', 'oh',
]);

/** AI parameters (and subtitle styling) ImageKit knows but the offline emulator cannot render. */
export const UNSUPPORTED_KEYS: ReadonlySet<string> = new Set([
  'e-bgremove', 'e-removedotbg', 'e-upscale', 'e-retouch', 'e-genvar', 'e-dropshadow', 'e-changebg', 'e-edit', 'e-distort', 'e-colorize', 'cr',
  'fol', 'fsh',
]);

/** Built-in named transformations; `ik_ml_thumbnail` is what list responses put in `thumbnail`. */
export const BUILT_IN_NAMED_TRANSFORMATIONS: Readonly<Record<string, string>> = {
  ik_ml_thumbnail: 'w-400,h-300,c-at_max',
};
