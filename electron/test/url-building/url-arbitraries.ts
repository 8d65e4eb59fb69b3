// fast-check generators for SDK builder options: every named option, flags with every value form the SDK
// treats specially, unknown keys, raw strings, and overlays (all types, encodings, positions, nesting).
import fc from 'fast-check';
import { SDK_TRANSFORM_KEYS } from '../../../shared/url/transformation-keys.js';
import type { BuildUrlOptions, OverlaySpec, TransformationStep, TransformationValue } from '../../../shared/url/url-types.js';

// Characters a parameter value may hold without breaking the URL's structure (`,` `:` `/` `?` `#` `&`).
const valueChars = fc.constantFrom(...'abcXYZ019_-. @!~*()=+é'.split(''), 'हि', '😀');
const value = fc.string({ unit: valueChars, maxLength: 8 });
const identifier = fc.string({ unit: fc.constantFrom(...'abcdefghxyz_'.split('')), minLength: 1, maxLength: 6 });

const FLAG_ONLY = new Set(['e-grayscale', 'e-contrast', 'e-removedotbg', 'e-bgremove', 'e-upscale', 'e-retouch', 'e-genvar']);
const OPTIONAL_VALUE = new Set(['e-sharpen', 'e-shadow', 'e-gradient', 'e-usm', 'e-dropshadow']);
const namedOptions = Object.keys(SDK_TRANSFORM_KEYS).filter((option) => option !== 'raw');

function valueFor(option: string): fc.Arbitrary<TransformationValue> {
  const urlKey = SDK_TRANSFORM_KEYS[option];
  if (FLAG_ONLY.has(urlKey)) return fc.constantFrom<TransformationValue>(true, 'true', '-', false, 'no');
  if (OPTIONAL_VALUE.has(urlKey)) return fc.oneof(fc.constantFrom<TransformationValue>(true, 'true', ''), value);
  if (urlKey === 'sr') return fc.array(fc.constantFrom('240', '360', '1080'), { minLength: 1, maxLength: 3 });
  if (urlKey === 'di' || urlKey === 'ff') return fc.string({ unit: fc.constantFrom(...'ab_./'.split('')), maxLength: 8 });
  return fc.oneof(value, fc.integer({ min: -5, max: 500 }), fc.boolean());
}

const namedEntry = fc.constantFrom(...namedOptions).chain((option) => valueFor(option).map((v) => [option, v] as const));
const unknownEntry = identifier
  .filter((key) => !(key in SDK_TRANSFORM_KEYS) && !(key.toLowerCase() in SDK_TRANSFORM_KEYS))
  .chain((key) => value.map((v) => [key, v] as const));
const rawEntry = fc.string({ unit: fc.constantFrom(...'ab1-_,:@.'.split(''), 'l-text', 'l-end', 'i-x', 'ie-'), maxLength: 6 }).map((raw) => ['raw', raw] as const);

const pathInput = fc.string({ unit: fc.constantFrom(...'ab1_-. /'.split(''), 'é', '+'), minLength: 1, maxLength: 10 });
const encoding = fc.constantFrom(undefined, 'auto', 'plain', 'base64');
const placementValue = fc.oneof(value, fc.integer({ min: 0, max: 50 }));
const position = fc.record(
  { x: placementValue, y: placementValue, xCenter: placementValue, yCenter: placementValue, focus: value, anchorPoint: value },
  { requiredKeys: [] },
);
const timing = fc.record({ start: placementValue, end: placementValue, duration: placementValue }, { requiredKeys: [] });

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

function overlay(depth: number): fc.Arbitrary<OverlaySpec> {
  const common = {
    layerMode: fc.option(fc.constantFrom('multiply', 'cutter', 'displace', ''), { nil: undefined }),
    position: fc.option(position, { nil: undefined }),
    timing: fc.option(timing, { nil: undefined }),
    transformation: depth > 0 ? fc.option(steps(depth - 1, 2), { nil: undefined }) : fc.constant(undefined),
  };
  const text = fc.record({ type: fc.constant('text' as const), text: fc.string({ maxLength: 8 }), encoding, ...common });
  const media = fc.record({ type: fc.constantFrom('image' as const, 'video' as const, 'subtitle' as const), input: pathInput, encoding, ...common });
  const solid = fc.record({ type: fc.constant('solidColor' as const), color: fc.constantFrom('FF0000', 'red', ''), ...common });
  return fc.oneof(text, media, solid).map((spec) => withoutUndefined(spec) as OverlaySpec);
}

function step(depth: number): fc.Arbitrary<TransformationStep> {
  const entry = fc.oneof(
    { weight: 6, arbitrary: namedEntry },
    { weight: 1, arbitrary: unknownEntry },
    { weight: 1, arbitrary: rawEntry },
    { weight: 2, arbitrary: overlay(depth).map((spec) => ['overlay', spec] as const) },
  );
  return fc.uniqueArray(entry, { selector: ([key]) => key, maxLength: 5 }).map((entries) => Object.fromEntries(entries));
}

export function steps(depth = 2, maxLength = 3): fc.Arbitrary<TransformationStep[]> {
  return fc.array(step(depth), { maxLength });
}

const endpoints = ['https://ik.imagekit.io/demo', 'https://ik.imagekit.io/demo/', 'https://img.example.com', 'http://127.0.0.1:4567/local'];
const pathSegment = fc.string({ unit: fc.constantFrom(...'abZ09_-. ?#%'.split(''), 'é', 'हि'), minLength: 1, maxLength: 8 });
const relativeSrc = fc
  .tuple(fc.boolean(), fc.array(pathSegment.filter((s) => s !== '.' && s !== '..'), { minLength: 1, maxLength: 3 }))
  .map(([leadingSlash, segments]) => `${leadingSlash ? '/' : ''}${segments.join('/')}`);
// A query parameter named tr, ik-t or ik-s is ambiguous with the SDK's own; numeric names reorder.
const parameterName = fc.string({ minLength: 0, maxLength: 5 }).filter((name) => !/^(tr|ik-[ts])$/.test(name) && !/^\d+$/.test(name));
const queryParameters = fc.dictionary(parameterName, fc.string({ maxLength: 5 }), { maxKeys: 3 });

/** Options whose src is under urlEndpoint, as the builder produces them. */
export const builderOptions: fc.Arbitrary<BuildUrlOptions> = fc
  .record({
    urlEndpoint: fc.constantFrom(...endpoints),
    src: relativeSrc,
    transformation: steps(),
    transformationPosition: fc.constantFrom('path' as const, 'query' as const),
    queryParameters,
    signed: fc.boolean(),
    expiresIn: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  })
  .map((options) => withoutUndefined(options));

// An absolute src keeps its own query verbatim in the SDK, even forms URLSearchParams would re-encode.
// A query with no parameter in it (`?`, `?&`) makes the SDK append a second `?` (`a??ik-s=…`): left out.
const srcQuery = fc
  .string({ unit: fc.constantFrom('a=1', 'b=x,y', 'c', '=', '&', 'd=%20', 'e=é', 'tr:', '+'), maxLength: 4 })
  .filter((query) => query.replace(/&/g, '') !== '');
const otherOrigins = ['https://cdn.example.com', 'http://ik.imagekit.io'];

/** Options whose src is an absolute URL: under the endpoint (with its own query) or on another origin. */
export const absoluteSrcOptions: fc.Arbitrary<BuildUrlOptions> = fc
  .tuple(builderOptions, fc.option(fc.constantFrom(...otherOrigins), { nil: undefined }), fc.option(srcQuery, { nil: undefined }))
  .map(([options, otherOrigin, query]) => {
    const base = otherOrigin ?? options.urlEndpoint.replace(/\/$/, '');
    const path = options.src.replace(/^\/?/, '/').split('/').map(encodeURIComponent).join('/');
    return { ...options, src: `${base}${path}${query === undefined ? '' : `?${query}`}` };
  });
