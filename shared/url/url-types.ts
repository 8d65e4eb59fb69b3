// Option shapes for ImageKit URL building and parsing.
//
// These mirror the official SDK's `SrcOptions` / `Transformation` / overlay objects (@imagekit/nodejs
// src/resources/shared.ts) but are deliberately looser: the SDK passes unknown keys through verbatim
// (`{ rndm_trnsf: 'abcd' }` → `rndm_trnsf-abcd`) and accepts strings where its types say number, and the
// builder must be able to express everything a pasted URL contains.

export type TransformationPosition = 'path' | 'query';

export type ScalarValue = string | number | boolean;

export type TransformationValue = ScalarValue | null | undefined | ScalarValue[] | OverlaySpec;

/** One chained step; keys in insertion order become the step's comma-separated parameters. */
export type TransformationStep = { [key: string]: TransformationValue };

export type OverlayEncoding = 'auto' | 'plain' | 'base64';

export interface OverlayPosition {
  x?: string | number;
  y?: string | number;
  xCenter?: string | number;
  yCenter?: string | number;
  focus?: string;
  anchorPoint?: string;
}

export interface OverlayTiming {
  start?: string | number;
  end?: string | number;
  duration?: string | number;
}

interface OverlayCommon {
  layerMode?: string;
  position?: OverlayPosition;
  timing?: OverlayTiming;
  transformation?: TransformationStep[];
}

export interface TextOverlaySpec extends OverlayCommon {
  type: 'text';
  text: string;
  encoding?: OverlayEncoding;
}

export interface MediaOverlaySpec extends OverlayCommon {
  type: 'image' | 'video' | 'subtitle';
  input: string;
  encoding?: OverlayEncoding;
}

export interface SolidColorOverlaySpec extends OverlayCommon {
  type: 'solidColor';
  color: string;
}

export type OverlaySpec = TextOverlaySpec | MediaOverlaySpec | SolidColorOverlaySpec;

/** What the builder sends to the main process; the private key travels separately and never leaves it. */
export interface BuildUrlOptions {
  urlEndpoint: string;
  src: string;
  transformation?: TransformationStep[];
  transformationPosition?: TransformationPosition;
  queryParameters?: Record<string, string>;
  signed?: boolean;
  /** Seconds from now; like the SDK, a positive value alone also signs. */
  expiresIn?: number;
}

export interface ParsedSignature {
  /** The `ik-s` value found in the URL (it is recomputed, not reused, when the URL is built again). */
  value: string;
  /** `ik-t`, unix seconds, when the URL expires; absent for non-expiring signatures. */
  expiresAt?: number;
}

export interface ParsedImageKitUrl {
  urlEndpoint: string;
  /**
   * Path relative to urlEndpoint (leading `/`, decoded for display). The absolute URL instead when it is not
   * under urlEndpoint, or when its query only survives verbatim (the SDK re-encodes extra parameters).
   */
  src: string;
  transformation: TransformationStep[];
  transformationPosition: TransformationPosition;
  queryParameters: Record<string, string>;
  signed: boolean;
  signature?: ParsedSignature;
  /** False when the URL is not under urlEndpoint (src is then absolute, transformations go in `?tr=`). */
  underEndpoint: boolean;
  /**
   * Why building the parsed options will not give back the exact pasted string (the meaning is kept).
   * Empty means it will, character for character.
   */
  warnings: string[];
}
