// The round trip beyond the vectors: for generated builder options (every named option, flags in every
// form, unknown keys, raw strings, overlays of every type nested two deep, unicode paths, extra query
// parameters, signing with expiry), the SDK's URL parses back into options that the SDK builds into the
// very same URL — and for arbitrary transformation text, too, via raw fallback.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SDK_TRANSFORM_KEYS } from '../../../shared/url/transformation-keys.js';
import type { OverlaySpec, TransformationStep } from '../../../shared/url/url-types.js';
import { parseImageKitUrl, toBuildOptions } from '../../../shared/url/parse-imagekit-url.js';
import { renderPath, renderText } from '../../../shared/url/overlay-input.js';
import { buildTransformationString, buildUrl } from '../../services/url-building/sdk-url-builder.js';
import { absoluteSrcOptions, builderOptions } from './url-arbitraries.js';

const PRIVATE_KEY = 'private_key_for_round_trip';
const NOW_SECONDS = 1_900_000_000;
// Kept small for CI; URL_PROPERTY_RUNS=50000 for a deep local search.
const PROPERTY_RUNS = Number(process.env.URL_PROPERTY_RUNS ?? 400);

beforeAll(() => {
  // expiresIn signs relative to the clock; freezing it makes the rebuilt ik-t/ik-s comparable.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_SECONDS * 1000);
});
afterAll(() => {
  vi.useRealTimers();
});

const NAMED_OPTIONS = new Set([...Object.keys(SDK_TRANSFORM_KEYS), 'overlay']);

/** True when some step (at any layer depth) has a raw entry or an option the SDK does not name. */
function hasRawOrUnknown(steps: TransformationStep[]): boolean {
  return steps.some((step) =>
    Object.entries(step).some(([key, value]) => {
      if (key === 'raw' || !NAMED_OPTIONS.has(key)) return true;
      const nested = key === 'overlay' ? (value as OverlaySpec).transformation : undefined;
      return nested ? hasRawOrUnknown(nested) : false;
    }),
  );
}

function roundTrip(url: string, urlEndpoint: string) {
  const parsed = parseImageKitUrl(url, urlEndpoint);
  return { parsed, rebuilt: buildUrl(toBuildOptions(parsed, NOW_SECONDS), PRIVATE_KEY) };
}

describe('paste-and-parse round trip (generated options)', () => {
  it('rebuilds every SDK-built URL exactly, without warnings', () => {
    fc.assert(
      fc.property(builderOptions, (options) => {
        const url = buildUrl(options, PRIVATE_KEY);
        expect(url).not.toBe('');
        fc.pre(url === url.trim()); // pasted text is trimmed, so a URL cannot end in a space
        const { parsed, rebuilt } = roundTrip(url, options.urlEndpoint);
        expect(rebuilt).toBe(url);
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('parses SDK-written parameters into named options, never raw, when the input had none', () => {
    const structured = builderOptions.filter((options) => !hasRawOrUnknown(options.transformation ?? []));
    fc.assert(
      fc.property(structured, (options) => {
        const url = buildUrl(options, PRIVATE_KEY);
        const { parsed } = roundTrip(url, options.urlEndpoint);
        expect(hasRawOrUnknown(parsed.transformation)).toBe(false);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('rebuilds URLs built from an absolute src (own query kept verbatim, or another origin) exactly', () => {
    fc.assert(
      fc.property(absoluteSrcOptions, (options) => {
        const url = buildUrl(options, PRIVATE_KEY);
        fc.pre(url !== '' && url === url.trim());
        const { parsed, rebuilt } = roundTrip(url, options.urlEndpoint);
        expect(rebuilt).toBe(url);
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('rebuilds arbitrary transformation text (malformed layers, stray l-end, unknown keys) exactly or says why', () => {
    const trText = fc.string({
      unit: fc.constantFrom('l-text', 'l-image', 'l-subtitles', 'l-end', 'i-a', 'ie-YQ%3D%3D', 'i-ik_canvas', 'bg-red', 'lx-', 'lx-5', 'w-1', 'e-sharpen', 'e-grayscale-x', 'di-@@a', 'raw-1', ',', ':', '-', ' ', 'a', '@@', '%20'),
      minLength: 1,
      maxLength: 12,
    }).filter((text) => text.trimEnd() === text); // pasted text is trimmed, so a URL cannot end in a space
    const position = fc.constantFrom('path' as const, 'query' as const);
    fc.assert(
      fc.property(trText, position, (text, transformationPosition) => {
        const options = { urlEndpoint: 'https://ik.imagekit.io/demo', src: '/a.jpg', transformation: [{ raw: text }], transformationPosition };
        const url = buildUrl(options);
        const { parsed, rebuilt } = roundTrip(url, options.urlEndpoint);
        if (parsed.warnings.length === 0) {
          expect(rebuilt).toBe(url);
        } else {
          // Only hand-written layer text may differ, and then the rebuilt URL means the same steps.
          expect(parsed.warnings.every((warning) => warning.startsWith('Layer text'))).toBe(true);
          expect(parseImageKitUrl(rebuilt, options.urlEndpoint).transformation).toEqual(parsed.transformation);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('layer input encoding restated in shared/url', () => {
  const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
  const encoding = fc.constantFrom('auto' as const, 'plain' as const, 'base64' as const);

  it('writes text and path inputs exactly as the SDK does', () => {
    fc.assert(
      fc.property(anyText, encoding, (text, chosen) => {
        const textLayer = buildTransformationString([{ overlay: { type: 'text', text, encoding: chosen } }]);
        expect(textLayer).toBe(`l-text,${renderText(text, chosen)},l-end`);
        const imageLayer = buildTransformationString([{ overlay: { type: 'image', input: text, encoding: chosen } }]);
        expect(imageLayer).toBe(`l-image,${renderPath(text, chosen)},l-end`);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
