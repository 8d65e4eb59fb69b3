// Paste-and-parse round trip: for every current-SDK vector's expected URL,
// parsing it and building from the parsed options (through the SDK) gives the same URL back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseImageKitUrl, toBuildOptions } from '../../../shared/url/parse-imagekit-url.js';
import { buildUrl } from '../../services/url-building/sdk-url-builder.js';
import { currentSdkUrlCases, isCurrentJsSdk, loadVectors, vectorsPath } from './url-vectors-file.js';

// An empty expected URL is the SDK saying "nothing to build" (no src): there is no URL to paste.
const roundTripCases = currentSdkUrlCases(loadVectors()).filter((urlCase) => urlCase.expected !== '');

afterEach(() => {
  vi.useRealTimers();
});

describe(`paste-and-parse round trip over ${vectorsPath()}`, () => {
  it('has URLs to round-trip', () => {
    expect(roundTripCases.length).toBeGreaterThan(0);
  });

  it.each(roundTripCases.map((urlCase) => [urlCase.id, urlCase] as const))('%s', (_id, urlCase) => {
    const nowSeconds = urlCase.now ?? Math.floor(Date.now() / 1000);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(nowSeconds * 1000);

    const parsed = parseImageKitUrl(urlCase.expected, urlCase.options.urlEndpoint);
    expect(parsed.warnings).toEqual([]);
    // Rebuilt with the rules of each SDK that wrote the URL (a js-head URL comes back through @imagekit/javascript).
    for (const flavor of urlCase.flavors) {
      const rebuilt = buildUrl(toBuildOptions(parsed, nowSeconds), urlCase.privateKey, flavor);
      expect(rebuilt, flavor).toBe(urlCase.expected);
    }
  });
});

// URLs written by older or other SDKs (form-encoded tr, Python, Go) are pasted too: they must parse, and
// the URL built from them must parse back to the same options (building is a fixed point after one pass).
const otherSdkCases = loadVectors().urlVectors.filter((vector) => vector.expected !== '' && !isCurrentJsSdk(vector.sdk));

describe.runIf(otherSdkCases.length > 0)('URLs from other SDK generations', () => {
  it.each(otherSdkCases.map((vector) => [vector.id, vector] as const))('%s parses to options the SDK rebuilds stably', (_id, vector) => {
    const urlEndpoint = vector.input.urlEndpoint ?? '';
    const privateKey = vector.input.privateKey ?? 'any_key';
    const nowSeconds = vector.input.now ?? 1_900_000_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(nowSeconds * 1000);

    const first = parseImageKitUrl(vector.expected, urlEndpoint);
    const rebuilt = buildUrl(toBuildOptions(first, nowSeconds), privateKey);
    const second = parseImageKitUrl(rebuilt, urlEndpoint);
    expect(second.transformation).toEqual(first.transformation);
    expect(second.src).toBe(first.src);
    expect(second.queryParameters).toEqual(first.queryParameters);
    expect(buildUrl(toBuildOptions(second, nowSeconds), privateKey)).toBe(rebuilt);
  });
});
