// shared/url keeps its own copy of the SDK's option → URL-parameter table, because the SDK's is internal and
// shared/ ships to the renderer. This test is the one place that reads the internal table, so an SDK upgrade
// that adds, renames or remaps an option fails here instead of silently parsing pasted URLs into raw text.
import { ImageKit } from '@imagekit/nodejs';
import { supportedTransforms } from '@imagekit/nodejs/lib/transformation-utils';
import { describe, expect, it } from 'vitest';
import { FLAG_ONLY_EFFECTS, SDK_TRANSFORM_KEYS } from '../../../shared/url/transformation-keys.js';

describe('SDK_TRANSFORM_KEYS', () => {
  it('equals the installed SDK’s internal table, entry for entry', () => {
    expect(SDK_TRANSFORM_KEYS).toEqual(supportedTransforms);
  });

  it('names the parameter the SDK’s public helper writes for every option', () => {
    const helper = new ImageKit({ privateKey: '' }).helper;
    for (const [option, urlKey] of Object.entries(SDK_TRANSFORM_KEYS)) {
      if (option === 'raw') continue;
      // Flag-only effects drop any value but `true`, and are written bare.
      const [value, expected] = FLAG_ONLY_EFFECTS.has(urlKey) ? [true, urlKey] : ['v1', `${urlKey}-v1`];
      expect(helper.buildTransformationString([{ [option]: value }]), option).toBe(expected);
    }
    expect(helper.buildTransformationString([{ raw: 'v1' }])).toBe('v1');
  });
});
