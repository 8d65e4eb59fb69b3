// Every URL vector (and conflict outcome) of the current JS SDKs, plus the
// auth-parameter, signature and transformation-string vectors, through MediaDesk's URL service.
// URL_VECTORS=<file> runs a held-out file of the same format.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildTransformationString,
  buildUrl,
  computeUrlSignature,
  getUploadAuthParameters,
} from '../../services/url-building/sdk-url-builder.js';
import { createUrlService } from '../../services/url-building/url-service.js';
import { currentSdkUrlCases, isCurrentJsSdk, loadVectors, vectorsPath } from './url-vectors-file.js';

const vectors = loadVectors();
const urlCases = currentSdkUrlCases(vectors);

function atClock<T>(nowSeconds: number | undefined, run: () => T): T {
  if (nowSeconds !== undefined) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(nowSeconds * 1000);
  }
  return run();
}

afterEach(() => {
  vi.useRealTimers();
});

describe(`URL vectors from ${vectorsPath()}`, () => {
  it('has current-SDK URL vectors to run', () => {
    expect(urlCases.length).toBeGreaterThan(0);
  });

  // Each vector is built with the rules of every current SDK that produced it (nodejs-head → the
  // @imagekit/nodejs helper, js-head → @imagekit/javascript's buildSrc, as a copied snippet runs it).
  const flavorCases = urlCases.flatMap((urlCase) => urlCase.flavors.map((flavor) => [`${urlCase.id} [${flavor}]`, urlCase, flavor] as const));

  it.each(flavorCases)('%s builds the expected URL', (_id, urlCase, flavor) => {
    const url = atClock(urlCase.now, () => buildUrl(urlCase.options, urlCase.privateKey, flavor));
    expect(url).toBe(urlCase.expected);
  });

  it.each(flavorCases)('%s through the profile-keyed service gives the same URL', async (_id, urlCase, flavor) => {
    const service = createUrlService({ privateKeyFor: async () => urlCase.privateKey });
    const url = await atClock(urlCase.now, () => service.build('profile-under-test', urlCase.options, flavor));
    expect(url).toBe(urlCase.expected);
  });
});

describe('upload authentication vectors', () => {
  it.each(vectors.authVectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const { token, expire, privateKey } = vector.input;
    expect(getUploadAuthParameters(privateKey, token, expire)).toEqual(vector.expected);
  });
});

describe('URL signature vectors', () => {
  it.each(vectors.signatureVectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const { privateKey, ...input } = vector.input;
    expect(computeUrlSignature(input, privateKey)).toBe(vector.expected);
  });
});

const trCases = vectors.transformationStringVectors.filter((vector) => isCurrentJsSdk(vector.sdk));
describe.runIf(trCases.length > 0)('transformation-string vectors', () => {
  it.each(trCases.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    expect(buildTransformationString(vector.input.transformation)).toBe(vector.expected);
  });
});
