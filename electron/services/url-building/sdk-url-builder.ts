// URL generation and signing through the official SDK's helper (@imagekit/nodejs `client.helper`).
//
// Runs in the main process only: the private key arrives here from the profile store and never goes
// back to the renderer. No network is involved — the SDK client is only a carrier for the key.
import { ImageKit } from '@imagekit/nodejs';
import { buildSrc as buildBrowserSrc } from '@imagekit/javascript';
import { createHmacSha1 } from '@imagekit/nodejs/lib/crypto-utils';
import type { SrcOptions, Transformation } from '@imagekit/nodejs/resources/shared';
import type { BuildUrlOptions, TransformationStep } from '../../../shared/url/url-types.js';

export class UrlSigningError extends Error {
  override name = 'UrlSigningError';
}

/** Signed URLs need the key; without it the SDK would quietly write an empty `ik-s=`. */
function wantsSignature(options: BuildUrlOptions): boolean {
  return options.signed === true || (typeof options.expiresIn === 'number' && options.expiresIn > 0);
}

function helperFor(privateKey: string | undefined) {
  // An explicit '' keeps the SDK from falling back to the IMAGEKIT_PRIVATE_KEY environment variable.
  return new ImageKit({ privateKey: privateKey ?? '' }).helper;
}

/**
 * Which official SDK's URL rules to follow. `nodejs` (@imagekit/nodejs, server side, can sign) is what the
 * app itself uses; `javascript` (@imagekit/javascript, which @imagekit/react and the browser use) is what a
 * web page built from the copied snippet will request. The two differ in a few encodings, so a snippet's
 * preview must be built with the SDK that will run it.
 */
export type UrlFlavor = 'nodejs' | 'javascript';

/**
 * The delivery URL for these options, exactly as the SDK's buildSrc writes it. Like the SDK it returns ''
 * when there is nothing to build (empty src) or the endpoint/src is not a URL; `describeUrlProblems`
 * (shared/url) says which, for the form.
 */
export function buildUrl(options: BuildUrlOptions, privateKey?: string, flavor: UrlFlavor = 'nodejs'): string {
  if (flavor === 'javascript') {
    if (wantsSignature(options)) {
      throw new UrlSigningError('Browser code (@imagekit/javascript) cannot sign URLs; sign them in MediaDesk or on your server instead.');
    }
    return buildBrowserSrc({ ...options } as unknown as Parameters<typeof buildBrowserSrc>[0]);
  }
  if (wantsSignature(options) && !privateKey) {
    throw new UrlSigningError('A signed URL needs the profile\'s private key, and this profile has none.');
  }
  // buildSrc writes defaults into the object it is given, so it gets its own copy.
  const sdkOptions = { ...options } as unknown as SrcOptions;
  return helperFor(privateKey).buildSrc(sdkOptions);
}

/** The `tr` string for these steps (no URL), as the SDK writes it. */
export function buildTransformationString(steps: TransformationStep[]): string {
  return helperFor(undefined).buildTransformationString(steps as unknown as Transformation[]);
}

export interface UploadAuthParameters {
  token: string;
  expire: number;
  signature: string;
}

/** Client-side upload credentials (Upload API V1): token defaults to a UUID, expire to now + 30 min. */
export function getUploadAuthParameters(privateKey: string, token?: string, expire?: number): UploadAuthParameters {
  if (!privateKey) throw new UrlSigningError('Upload authentication needs the profile\'s private key.');
  return helperFor(privateKey).getAuthenticationParameters(token, expire);
}

export interface UrlSignatureInput {
  /** The final URL without `ik-t`/`ik-s`. */
  url: string;
  urlEndpoint: string;
  /** Unix seconds, or 9999999999 for a URL that never expires. */
  expiryTimestamp: number;
}

/**
 * The `ik-s` value for a URL (reference §14): HMAC-SHA1 over the URL with the endpoint (plus `/`) removed,
 * followed by the expiry. The SDK keeps this step private, so it is restated here with the SDK's own HMAC.
 */
export function computeUrlSignature(input: UrlSignatureInput, privateKey: string): string {
  if (!privateKey) throw new UrlSigningError('Signing needs the profile\'s private key.');
  const endpoint = input.urlEndpoint.endsWith('/') ? input.urlEndpoint : `${input.urlEndpoint}/`;
  return createHmacSha1(privateKey, input.url.replace(endpoint, '') + String(input.expiryTimestamp));
}
