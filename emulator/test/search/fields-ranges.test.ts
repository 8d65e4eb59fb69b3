import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSearchQuery } from '../../src/search/index.js';
import { EVERYTHING, makeFile, NOW, search, sorted } from './fixtures.js';

// NOW is 2026-06-15T12:00:00Z (fixtures.ts); the comments give the instant each relative date means.
const cases: Array<[string, string[]]> = [
  // createdAt: absolute dates, date-times (UTC unless zoned), relative ages
  ['createdAt > "7d"', ['dir-winter', 'promo-video', 'red-summer']], // after 2026-06-08T12:00
  ['createdAt > "1d"', ['promo-video']], // after 2026-06-14T12:00
  ['createdAt > 3h', []], // promo-video is exactly 3h old: not strictly after
  ['createdAt >= 3h', ['promo-video']],
  ['createdAt < 2020-01-01', ['red-upper']],
  ['createdAt > "2020-01-01"', EVERYTHING.filter((l) => l !== 'red-upper')],
  ['createdAt > "2020-01-01T12:12:12"', EVERYTHING.filter((l) => l !== 'red-upper' && l !== 'manual')],
  ['createdAt >= "2020-01-01T12:12:12"', EVERYTHING.filter((l) => l !== 'red-upper')],
  ['createdAt = "2020-01-01"', ['manual']], // that whole UTC day
  ['createdAt = 2020-01-01T12:12:12', ['manual']], // that second, unquoted
  ['createdAt = "2020-01-01T12:12"', ['manual']], // that minute
  ['createdAt = "2020-01-01T12:12:13"', []],
  ['createdAt IN ["2019-12-31", "2025-01-01"]', ['red-upper', 'red-winter']],
  ['createdAt NOT = "2020-01-01"', EVERYTHING.filter((l) => l !== 'manual')],
  ['createdAt NOT IN ["2019-12-31", "2020-01-01"]', EVERYTHING.filter((l) => l !== 'manual' && l !== 'red-upper')],
  ['createdAt < 2w', ['dir-logo', 'dir-sales', 'manual', 'red-upper', 'red-winter']], // before 2026-06-01
  ['createdAt < 2m', ['dir-logo', 'dir-sales', 'manual', 'red-upper', 'red-winter']], // before 2026-04-15
  ['createdAt < 1y', ['dir-sales', 'manual', 'red-upper', 'red-winter']], // before 2025-06-15
  ['createdAt < 2y', ['dir-sales', 'manual', 'red-upper']], // before 2024-06-15
  ['createdAt = "1d"', ['red-summer']], // the UTC day 2026-06-14
  ['createdAt < "2020-01-01T00:00:00+01:00"', []], // = 2019-12-31T23:00Z
  ['createdAt < "2020-01-01T00:00:00-01:00"', ['red-upper']], // = 2020-01-01T01:00Z
  ['createdAt <= "2019-12-31T23:59:59Z"', ['red-upper']],
  // updatedAt
  ['updatedAt > "7d"', ['promo-video', 'red-summer', 'red-winter']],
  ['updatedAt <= "2020-01-01T12:12:12"', ['manual', 'red-upper']],
  ['updatedAt > "2026-06-13"', ['promo-video', 'red-summer']],
  // height / width: images and videos with dimensions; a missing value never compares
  ['height > 200', ['promo-video', 'red-summer', 'red-upper']],
  ['height <= 400', ['red-upper', 'red-winter']],
  ['height = 600', ['red-summer']],
  ['height IN [200, 1080]', ['promo-video', 'red-winter']],
  ['height NOT = 600', EVERYTHING.filter((l) => l !== 'red-summer')],
  ['height NOT IN [200, 1080]', EVERYTHING.filter((l) => l !== 'red-winter' && l !== 'promo-video')],
  ['height >= "400"', ['promo-video', 'red-summer', 'red-upper']],
  ['width > 500', ['promo-video', 'red-summer', 'red-upper']],
  ['width < 301', ['red-winter']],
  ['width <= 400', ['red-winter']],
  // size: bytes or binary units
  ['size > 1024', ['manual', 'promo-video', 'red-summer', 'red-winter']],
  ['size <= "1mb"', ['manual', 'red-summer', 'red-upper']],
  ['size < "1mb"', ['red-summer', 'red-upper']],
  ['size > "2mb"', ['promo-video', 'red-winter']],
  ['size = "10mb"', ['promo-video']],
  ['size = "1kb"', ['red-upper']],
  ['size IN [1024, "1mb"]', ['manual', 'red-upper']],
  ['size >= "0.5MB"', ['manual', 'promo-video', 'red-winter']],
  ['size < "500kb"', ['red-summer', 'red-upper']],
  ['size NOT = "1mb"', EVERYTHING.filter((l) => l !== 'manual')],
  // videoDuration: seconds, or sec/min/hr (s/m/h)
  ['videoDuration > "1min"', ['promo-video']],
  ['videoDuration > "1.5min"', []],
  ['videoDuration >= "1.5min"', ['promo-video']],
  ['videoDuration = 90', ['promo-video']],
  ['videoDuration = "90s"', ['promo-video']],
  ['videoDuration IN ["90sec", "2hr"]', ['promo-video']],
  ['videoDuration < "2m"', ['promo-video']],
  ['videoDuration > "1hr"', []],
  ['videoDuration <= "0.025h"', ['promo-video']],
  ['videoDuration NOT = 90', EVERYTHING.filter((l) => l !== 'promo-video')],
  // documented combinations
  ['videoDuration > "1min" AND format = "mp4"', ['promo-video']],
  ['(size < "1mb" AND width > 500) OR (tags IN ["summer-sale","banner"])', ['red-summer', 'red-upper']],
  ['createdAt >= "7d" AND size > "2mb"', ['promo-video']],
  ['createdAt > "7d" AND name: "red"', ['red-summer']],
];

describe('built-in date, number, size and duration fields', () => {
  it.each(cases)('%s', (query, expected) => {
    expect(search(query)).toEqual(sorted(expected));
  });
});

describe('stored date spellings', () => {
  // createdAt compares canonical ISO strings directly and parses any other spelling; both must agree.
  const spellings = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return [iso, iso.replace('.000Z', 'Z'), iso.replace('Z', '+00:00'), iso.slice(0, 19) + 'Z'];
  };

  it('gives the same answer for every spelling of the same instant', () => {
    // Whole seconds, so every spelling (some drop the milliseconds) names the same instant.
    const ms = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 }).map((s) => s * 1000);
    const op = fc.constantFrom('<', '<=', '>', '>=', '=', 'NOT =');
    fc.assert(
      // Half the pivots sit within two seconds of the stored instant, where off-by-one bugs live.
      fc.property(ms, fc.option(fc.integer({ min: -2, max: 2 }), { freq: 2 }), ms, op, (stored, delta, other, operator) => {
        const pivot = delta === null ? other : stored + delta * 1000;
        const query = `createdAt ${operator} "${new Date(pivot).toISOString().slice(0, 19)}"`;
        const { matches } = compileSearchQuery(query, { now: NOW });
        const answers = spellings(stored).map((createdAt) => matches({ kind: 'file', record: makeFile('x', { createdAt }) }));
        expect(new Set(answers).size).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a zone-less stored date-time as UTC', () => {
    const { matches } = compileSearchQuery('createdAt = "2020-01-01T12:12:12"', { now: NOW });
    expect(matches({ kind: 'file', record: makeFile('x', { createdAt: '2020-01-01T12:12:12' }) })).toBe(true);
  });
});

describe('relative dates', () => {
  const at = (now: string, query: string, createdAt: string) =>
    compileSearchQuery(query, { now: new Date(now) }).matches({ kind: 'file', record: makeFile('x', { createdAt }) });

  it('counts months and years on the calendar, clamping to the month end', () => {
    // One month before 31 March 2026 is 28 February 2026 (not 3 March).
    expect(at('2026-03-31T12:00:00Z', 'createdAt > 1m', '2026-02-28T12:00:01Z')).toBe(true);
    expect(at('2026-03-31T12:00:00Z', 'createdAt > 1m', '2026-02-28T11:59:59Z')).toBe(false);
    // One year before 29 February 2028 is 28 February 2027.
    expect(at('2028-02-29T00:00:00Z', 'createdAt >= "1y"', '2027-02-28T00:00:00Z')).toBe(true);
    expect(at('2028-02-29T00:00:00Z', 'createdAt >= "1y"', '2027-02-27T23:59:59Z')).toBe(false);
  });

  it('treats hours and weeks as fixed lengths', () => {
    expect(at('2026-06-15T12:00:00Z', 'createdAt > 3h', '2026-06-15T09:00:01Z')).toBe(true);
    expect(at('2026-06-15T12:00:00Z', 'createdAt > 2w', '2026-06-01T12:00:00Z')).toBe(false);
    expect(at('2026-06-15T12:00:00Z', 'createdAt >= 2w', '2026-06-01T12:00:00Z')).toBe(true);
  });

  it('clamps absurd ages instead of failing', () => {
    expect(at('2026-06-15T12:00:00Z', 'createdAt > 999999999999y', '1970-01-01T00:00:00Z')).toBe(true);
  });
});
