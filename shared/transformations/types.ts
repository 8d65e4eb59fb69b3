/**
 * The parsed form of an ImageKit transformation string (`tr`). The parser validates every value, so a
 * renderer or URL builder can trust these shapes; only expressions stay symbolic until the image
 * dimensions they refer to are known.
 */
import type { ALIGNMENTS, AUDIO_CODECS, CROP_MODES, CROPS, FLIPS, FOCUS_SPECIAL, FORMATS, LAYER_MODES, POSITIONS, TYPOGRAPHY, VIDEO_CODECS } from './catalog.js';

/** Variables of ImageKit arithmetic expressions: initial, current and (inside layers) base image; `*du` are video durations in seconds. */
export type ExprVariable = 'iw' | 'ih' | 'iar' | 'idu' | 'cw' | 'ch' | 'car' | 'cdu' | 'bw' | 'bh' | 'bar' | 'bdu';
export type ExprOperator = 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'pow';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: ExprVariable }
  | { kind: 'op'; op: ExprOperator; left: Expr; right: Expr };

export type ExprScope = Partial<Record<ExprVariable, number>>;

/** An RGBA colour; `alpha` is 0–1 (ImageKit writes it as a decimal 00–99 suffix, not hex). */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

export type Background =
  | { kind: 'color'; color: Rgba }
  | { kind: 'blurred'; amount: number | 'auto'; brightness: number }
  | { kind: 'dominant' };

export type Position = (typeof POSITIONS)[number];

export type Effect =
  | { name: 'grayscale' }
  | { name: 'contrast' }
  | { name: 'sharpen'; amount: number | null }
  | { name: 'usm'; radius: number; sigma: number; amount: number; threshold: number }
  | { name: 'shadow'; blur: number; saturation: number; x: number; y: number }
  | { name: 'gradient'; direction: number; from: Rgba; to: Rgba; stop: Expr };

export type Radius = { kind: 'max' } | { kind: 'corners'; tl: number; tr: number; br: number; bl: number };

/** Parameters of one chain step (also used inside layers). Every field is optional. */
export interface StepParams {
  w?: Expr | 'auto';
  h?: Expr;
  ar?: Expr;
  c?: (typeof CROPS)[number];
  cm?: (typeof CROP_MODES)[number];
  fo?: Position | (typeof FOCUS_SPECIAL)[number] | { object: string };
  z?: number;
  x?: Expr;
  y?: Expr;
  xc?: Expr;
  yc?: Expr;
  q?: number;
  f?: (typeof FORMATS)[number];
  pr?: boolean;
  lo?: boolean;
  md?: boolean;
  cp?: boolean;
  rt?: number | 'auto';
  fl?: Exclude<(typeof FLIPS)[number], 'v_h'>;
  r?: Radius;
  b?: { width: Expr; color: Rgba };
  bg?: Background;
  o?: number;
  bl?: number;
  /** Trim threshold (1–99) or false; `t-true` is stored as the default threshold. */
  t?: number | false;
  effects?: Effect[];
  n?: string;
  di?: string;
  dpr?: number | 'auto';
  orig?: boolean;
  pg?: number;
  // Text-layer parameters.
  fs?: Expr;
  co?: Rgba;
  ff?: string;
  ia?: (typeof ALIGNMENTS)[number];
  pa?: [Expr, Expr, Expr, Expr];
  al?: number;
  tg?: (typeof TYPOGRAPHY)[number];
  lh?: number;
  // Video parameters: trimming (seconds), codecs, adaptive-bitrate renditions (heights).
  so?: Expr;
  eo?: Expr;
  du?: Expr;
  vc?: (typeof VIDEO_CODECS)[number];
  ac?: (typeof AUDIO_CODECS)[number];
  sr?: number[];
  /** AI/video parameters accepted but not rendered offline, as written (`e-changebg-prompt-snow`). */
  approximated?: string[];
}

export interface LayerPosition {
  lx?: Expr;
  ly?: Expr;
  lxc?: Expr;
  lyc?: Expr;
  lfo?: Position;
  lap?: Position;
  lm?: (typeof LAYER_MODES)[number];
  /** When the layer shows on a base video: start, end (wins over duration) and duration, in seconds. */
  lso?: Expr;
  leo?: Expr;
  ldu?: Expr;
}

export interface Layer {
  type: 'image' | 'text';
  /** Decoded input: a library path (`/a/b.png`), `ik_canvas`, or the text itself. */
  input: string;
  position: LayerPosition;
  /** The layer's own transformation chain (`:` inside the layer). */
  steps: Step[];
}

export interface Step {
  params: StepParams;
  /** Layers in the order they appear; composited after the step's own operations. */
  layers: Layer[];
  /** Parameter keys in the order written (effects keep their own order in `params.effects`). */
  keys: string[];
}

/** A transformation string that failed validation; `param` names the offending parameter. */
export class TransformationError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransformationError';
  }
}
