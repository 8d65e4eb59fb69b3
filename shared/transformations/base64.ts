// Base64 of UTF-8 text, as ImageKit's `ie-` layer inputs carry it.
//
// shared/ compiles without DOM or Node types, yet atob, btoa, TextEncoder and TextDecoder exist in every
// runtime this code runs in (Node ≥ 20, Chromium); they are read off globalThis with the few members used.
interface WebCodecs {
  atob(data: string): string;
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
}
const web = globalThis as unknown as WebCodecs;

/**
 * Standard or URL-safe base64 (padding optional) → UTF-8 text; undefined when it is not base64 or the bytes
 * are not UTF-8. A leading byte-order mark is kept, so decoding and encoding again gives the same string.
 */
export function decodeBase64Utf8(input: string): string | undefined {
  const standard = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(standard)) return undefined;
  try {
    const bytes = Uint8Array.from(web.atob(standard), (char) => char.charCodeAt(0));
    return new web.TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 text → standard base64, byte for byte what the ImageKit SDKs write for `ie-` values (a lone
 * surrogate becomes U+FFFD, as with Node's Buffer and the browser's TextEncoder).
 */
export function encodeBase64Utf8(text: string): string {
  const bytes = new web.TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return web.btoa(binary);
}
