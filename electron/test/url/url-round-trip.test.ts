// Issue 8, "what it must show" 2: paste-and-parse round trip. For every current-SDK vector's expected URL,
// parsing it and building from the parsed options (through the SDK) gives the same URL back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseImageKitUrl, toBuildOptions } from '../../../shared/url/parse-imagekit-url.js';
import { buildUrl } from '../../services/url/sdk-url-builder.js';
import { currentSdkUrlCases, loadVectors, vectorsPath } from './url-vectors-file.js';

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
    const rebuilt = buildUrl(toBuildOptions(parsed, nowSeconds), urlCase.privateKey);
    expect(rebuilt).toBe(urlCase.expected);
  });
});
