// Decoding a layer's `i-` / `ie-` input back to the text or path the SDK was given, and choosing the
// `encoding` option that makes the SDK write exactly the same input again.
//
// The render functions restate the SDK's processText / processInputPath (@imagekit/nodejs
// src/resources/helper.ts, not exported); they are only used to confirm a decoding is exact, and the
// round-trip tests check them against the real SDK.
import { decodeBase64Utf8, encodeBase64Utf8 } from '../transformations/base64.js';
import type { OverlayEncoding } from './url-types.js';

const SIMPLE_TEXT = /^[a-zA-Z0-9-._ ]*$/;
const SIMPLE_PATH = /^[a-zA-Z0-9-._/ ]*$/;
const ENCODINGS: OverlayEncoding[] = ['auto', 'plain', 'base64'];

export interface DecodedInput {
  value: string;
  /** Absent when the SDK's default (`auto`) reproduces the input. */
  encoding?: OverlayEncoding;
}

function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function stripOuterSlashes(path: string): string {
  return path.replace(/^\//, '').replace(/\/$/, '');
}

export function renderText(text: string, encoding: OverlayEncoding): string {
  const useBase64 = encoding === 'base64' || (encoding === 'auto' && !SIMPLE_TEXT.test(text));
  return useBase64 ? `ie-${encodeURIComponent(encodeBase64Utf8(text))}` : `i-${encodeURIComponent(text)}`;
}

export function renderPath(path: string, encoding: OverlayEncoding): string {
  const stripped = stripOuterSlashes(path);
  const useBase64 = encoding === 'base64' || (encoding === 'auto' && !SIMPLE_PATH.test(stripped));
  return useBase64 ? `ie-${encodeURIComponent(encodeBase64Utf8(stripped))}` : `i-${stripped.replace(/\//g, '@@')}`;
}

function pickEncoding(
  entry: string,
  value: string | undefined,
  render: (value: string, encoding: OverlayEncoding) => string,
): DecodedInput | undefined {
  // An empty input makes the SDK drop the whole layer, so it can never be what produced `entry`.
  if (!value) return undefined;
  const encoding = ENCODINGS.find((candidate) => render(value, candidate) === entry);
  if (!encoding) return undefined;
  return encoding === 'auto' ? { value } : { value, encoding };
}

/**
 * The SDK drops one `/` from each end of a path before writing it, so a written path that still begins or
 * ends with `/` (`@@`) came from one with a doubled slash there; restore it so writing it again matches.
 */
export function restoreOuterSlashes(path: string): string {
  return `${path.startsWith('/') ? '/' : ''}${path}${path.endsWith('/') ? '/' : ''}`;
}

/** A layer input that writes as this path; an empty written path came from `/` (an empty input drops the layer). */
function layerPathFor(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  return written === '' ? '/' : restoreOuterSlashes(written);
}

function base64Payload(entry: string): string | undefined {
  const encoded = decodeComponent(entry.slice('ie-'.length));
  return encoded === undefined ? undefined : decodeBase64Utf8(encoded);
}

/** Text of a text layer's input entry, or undefined when the SDK could not have written it. */
export function decodeTextInput(entry: string): DecodedInput | undefined {
  if (entry.startsWith('ie-')) return pickEncoding(entry, base64Payload(entry), renderText);
  if (entry.startsWith('i-')) return pickEncoding(entry, decodeComponent(entry.slice(2)), renderText);
  return undefined;
}

/** Path of an image/video/subtitle layer's input entry, or undefined when the SDK could not have written it. */
export function decodePathInput(entry: string): DecodedInput | undefined {
  if (entry.startsWith('ie-')) return pickEncoding(entry, layerPathFor(base64Payload(entry)), renderPath);
  if (entry.startsWith('i-')) return pickEncoding(entry, layerPathFor(entry.slice(2).replace(/@@/g, '/')), renderPath);
  return undefined;
}

/**
 * Text of a hand-written text layer the SDK would write differently (`i-Hello World`, `i-Imagekité`): the
 * text ImageKit reads from it, to be written back in the SDK's encoding. Undefined when it has no text.
 */
export function decodeTextInputLoosely(entry: string): string | undefined {
  const text = entry.startsWith('ie-') ? base64Payload(entry) : entry.startsWith('i-') ? decodeComponent(entry.slice(2)) : undefined;
  return text || undefined;
}
