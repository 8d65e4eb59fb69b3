import { describe, expect, it } from 'vitest';
import { IkError } from '../../src/http/errors.js';
import { compileSearchQuery } from '../../src/search/index.js';
import { EVERYTHING, NOW, search, sorted } from './fixtures.js';

const custom: Array<[string, string[]]> = [
  // Text: exact, prefix, list, negation, words
  ['"customMetadata.description" = "black cars"', ['red-winter']],
  ['"customMetadata.description": "red"', ['red-summer', 'red-upper']],
  ['"customMetadata.description" IN ["red cars", "black cars"]', ['red-summer', 'red-winter']],
  ['"customMetadata.description" IN ["black"]', []],
  ['"customMetadata.description" NOT = "red dress"', EVERYTHING.filter((l) => l !== 'red-upper')],
  ['"customMetadata.description" HAS "CARS"', ['red-summer', 'red-winter']],
  ["'customMetadata.description' = 'red dress'", ['red-upper']],
  // Number
  ['"customMetadata.quantitySold" > 200', ['red-winter']],
  ['"customMetadata.quantitySold" <= 400', ['red-summer', 'red-winter']],
  ['"customMetadata.quantitySold" = 150', ['red-summer']],
  ['"customMetadata.quantitySold" = "150"', ['red-summer']],
  ['"customMetadata.quantitySold" IN [150, 400]', ['red-summer', 'red-winter']],
  // Boolean
  ['"customMetadata.active" = true', ['red-summer']],
  ['"customMetadata.active" = false', ['red-winter']],
  // SingleSelect with text and numeric options: comparisons see only numbers
  ['"customMetadata.rating" = "excellent"', ['red-summer']],
  ['"customMetadata.rating" > 4.3', ['red-winter']],
  ['"customMetadata.rating" >= 4.3', ['red-upper', 'red-winter']],
  ['"customMetadata.rating" < 5', ['red-upper', 'red-winter']],
  // MultiSelect: any element, mixed types
  ['"customMetadata.tuples" IN ["luxury", 500, true]', ['red-summer']],
  ['"customMetadata.tuples" IN [500]', ['red-summer']],
  ['"customMetadata.tuples" IN [true]', ['red-summer']],
  ['"customMetadata.tuples" IN ["big-banner"]', ['red-winter']],
  ['"customMetadata.tuples" NOT IN ["big-banner"]', EVERYTHING.filter((l) => l !== 'red-winter')],
  ['"customMetadata.tuples" IN ["lux"]', []],
  // Date (stored as ISO strings)
  ['"customMetadata.purchaseDate" > "2026-06-01"', ['red-summer']],
  ['"customMetadata.purchaseDate" > "7d"', ['red-summer']],
  ['"customMetadata.purchaseDate" > "3d"', []],
  ['"customMetadata.purchaseDate" = "2026-06-10"', ['red-summer']],
  ['"customMetadata.purchaseDate" < "2026-06-10T00:00:01"', ['red-summer']],
  // folders carry custom metadata too
  ['"customMetadata.brand" = "nike"', ['dir-sales', 'red-summer']],
  ['"customMetadata.brand" EXISTS', ['dir-sales', 'red-summer']],
  ['"customMetadata.brand" NOT EXISTS', EVERYTHING.filter((l) => l !== 'dir-sales' && l !== 'red-summer')],
  ['"customMetadata.missing" = "x"', []],
  // inherited object properties are not metadata
  ['"customMetadata.__proto__" EXISTS', []],
  ['"customMetadata.constructor" EXISTS', []],
  ['"embeddedMetadata.toString" EXISTS', []],
];

const embedded: Array<[string, string[]]> = [
  ['"embeddedMetadata.Keywords" IN ["black"]', ['red-winter']],
  ['"embeddedMetadata.Keywords" IN ["luxury", "dress"]', ['red-summer']],
  ['"embeddedMetadata.Keywords" NOT IN ["big-banner"]', EVERYTHING],
  ['"embeddedMetadata.Keywords" NOT IN ["luxury"]', EVERYTHING.filter((l) => l !== 'red-summer')],
  ['"embeddedMetadata.Keywords" EXISTS', ['red-summer', 'red-winter']],
  // DateTimeOriginal: ISO, or EXIF `YYYY:MM:DD HH:MM:SS`
  ['"embeddedMetadata.DateTimeOriginal" > "2020-01-01"', ['red-summer']],
  ['"embeddedMetadata.DateTimeOriginal" < "2020-01-01"', ['red-winter']],
  ['"embeddedMetadata.DateTimeOriginal" > "2019-10-16T19:01:02"', ['red-summer', 'red-winter']],
  ['"embeddedMetadata.DateTimeOriginal" > "2019-10-16T19:01:03"', ['red-summer']],
  ['"embeddedMetadata.DateTimeOriginal" > "7d"', []],
  ['"embeddedMetadata.DateTimeOriginal" > "1m"', ['red-summer']],
  ['"embeddedMetadata.DateTimeOriginal" > "1y"', ['red-summer']],
  ['"embeddedMetadata.DateTimeOriginal" = "2019-10-16"', ['red-winter']],
  // LocationTaken: radius, box by diagonal, polygon; from LocationTaken or GPS tags (decimal or DMS)
  ['"embeddedMetadata.LocationTaken" = "40,100 100km"', ['red-summer']],
  ['"embeddedMetadata.LocationTaken" = "40,100 50km"', []],
  ['"embeddedMetadata.LocationTaken" = "48,16 50km"', ['red-upper', 'red-winter']],
  ['"embeddedMetadata.LocationTaken" = "48.2,16.3 500m"', ['red-winter']],
  ['"embeddedMetadata.LocationTaken" = "48.2,16.3 10mi"', ['red-upper', 'red-winter']],
  ['"embeddedMetadata.LocationTaken" = "40,100|50,105"', ['red-summer']],
  ['"embeddedMetadata.LocationTaken" = "50,17|48,16"', ['red-upper', 'red-winter']],
  ['"embeddedMetadata.LocationTaken" = "48.25,16|48.3,16.5"', ['red-upper']],
  ['"embeddedMetadata.LocationTaken" = "0,0|0,100|40,100|40,0"', []],
  ['"embeddedMetadata.LocationTaken" = "0,0|0,110|45,110|45,0"', ['red-summer']],
  ['"embeddedMetadata.LocationTaken" = "47,15|49,15|49,17|47,17"', ['red-upper', 'red-winter']],
  ['"embeddedMetadata.LocationTaken" = "48,16|48.5,16|48,16.6"', ['red-winter']],
  ['"embeddedMetadata.LocationTaken" EXISTS', ['red-summer', 'red-upper', 'red-winter']],
];

describe('"customMetadata.X" by stored value type', () => {
  it.each(custom)('%s', (query, expected) => {
    expect(search(query)).toEqual(sorted(expected));
  });
});

describe('"embeddedMetadata.X" incl. Keywords, DateTimeOriginal, LocationTaken', () => {
  it.each(embedded)('%s', (query, expected) => {
    expect(search(query)).toEqual(sorted(expected));
  });
});

function errorOf(query: string, opts: Parameters<typeof compileSearchQuery>[1] = { now: NOW }): IkError {
  try {
    compileSearchQuery(query, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(IkError);
    return e as IkError;
  }
  throw new Error(`expected ${query} to be rejected`);
}

describe('metadata errors', () => {
  it.each([
    ['"customMetadata.rating" >= "excellent"', /operator ">=" needs a number or a date for field "customMetadata.rating", not "excellent" at position 27/],
    ['customMetadata.brand = "nike"', /must be enclosed in double quotes.* at position 0/],
    ['"customMetadata." = "x"', /needs a field name after the dot at position 0/],
    ['"embeddedMetadata.LocationTaken" IN ["40,100 5km"]', /operator "IN" is not supported for field "embeddedMetadata.LocationTaken"/],
    ['"embeddedMetadata.LocationTaken" = "91,0 5km"', /is not a LocationTaken value/],
    ['"embeddedMetadata.LocationTaken" = "40,100 5parsecs"', /unknown distance unit "parsecs"/],
    ['"embeddedMetadata.LocationTaken" = "40,100"', /needs a radius/],
    ['"embeddedMetadata.DateTimeOriginal" > 5', /"5" is not a valid date for field "embeddedMetadata.DateTimeOriginal"/],
    ['"embeddedMetadata.Keywords" = "black"', /operator "=" is not supported for field "embeddedMetadata.Keywords"/],
    ['"customMetadata.description" HAS "--"', /HAS needs at least one letter or digit/],
  ])('%s', (query, message) => {
    const error = errorOf(query);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('limits operators by the field type when the custom metadata schema is given', () => {
    const customMetadataFields = [
      { name: 'active', schema: { type: 'Boolean' } },
      { name: 'tuples', schema: { type: 'MultiSelect' } },
      { name: 'quantitySold', schema: { type: 'Number' } },
    ];
    const opts = { now: NOW, customMetadataFields };
    expect(errorOf('"customMetadata.active" : "t"', opts).message).toMatch(/operator ":" is not supported .*\(supported: =, EXISTS, NOT EXISTS\)/);
    expect(errorOf('"customMetadata.tuples" = "luxury"', opts).message).toMatch(/operator "=" is not supported/);
    expect(errorOf('"customMetadata.quantitySold" HAS "1"', opts).message).toMatch(/operator "HAS" is not supported/);
    expect(() => compileSearchQuery('"customMetadata.quantitySold" > 3 AND "customMetadata.other" HAS "x"', opts)).not.toThrow();
  });
});
