import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_URLS_PER_REQUEST, toBatches } from './batches';
import { checkQuota, quotaWindow } from './quota';
import { affectedUrls, parseTransformationList } from './variants';

describe('batches', () => {
  it('sends 150 URLs as two requests: 100 then 50', () => {
    const urls = Array.from({ length: 150 }, (_, i) => `u${i}`);
    expect(toBatches(urls).map((b) => b.length)).toEqual([100, 50]);
    expect(MAX_URLS_PER_REQUEST).toBe(100);
  });

  it('keeps every item once, in order, in batches no larger than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 450 }), fc.integer({ min: 1, max: 120 }), (items, size) => {
        const batches = toBatches(items, size);
        expect(batches.flat()).toEqual(items);
        expect(batches.every((b) => b.length >= 1 && b.length <= size)).toBe(true);
        expect(batches.length).toBe(Math.ceil(items.length / size));
      }),
    );
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => toBatches([1], 0)).toThrow(/positive integer/);
  });
});

describe('quota', () => {
  it('counts per calendar month (UTC)', () => {
    expect(quotaWindow(new Date('2026-12-31T23:59:59Z'))).toEqual({ month: '2026-12', startsAt: '2026-12-01T00:00:00.000Z', resetsAt: '2027-01-01T00:00:00.000Z' });
  });

  it('says how many remain when a list does not fit', () => {
    expect(checkQuota(50, 950, 1000)).toEqual({ ok: true });
    expect(checkQuota(51, 950, 1000)).toEqual({ ok: false, reason: "This would purge 51 URLs, but only 50 of this month's 1000 remain (950 used)." });
  });
});

describe('affected URLs', () => {
  const ep = 'https://ik.imagekit.io/demo';
  it('lists the file URL without its query and its variant for each transformation in use, in the form used', () => {
    expect(affectedUrls(`${ep}/f/a.jpg?updatedAt=123`, ep, ['w-300', 'tr:w-100,h-100', '?tr=q-50', 'tr=w-300', 'w-300'])).toEqual([
      `${ep}/f/a.jpg`,
      `${ep}/tr:w-300/f/a.jpg`,
      `${ep}/tr:w-100,h-100/f/a.jpg`,
      `${ep}/f/a.jpg?tr=q-50`,
      `${ep}/f/a.jpg?tr=w-300`,
    ]);
  });

  it('adds no variants for a URL outside the endpoint', () => {
    expect(affectedUrls('https://cdn.example.com/a.jpg', ep, ['w-300'])).toEqual(['https://cdn.example.com/a.jpg']);
  });

  it('reads a typed list of transformations, keeping the form written', () => {
    expect(parseTransformationList('w-300\n\n tr: \n?tr=w-300 \nw-300\nh-10')).toEqual(['w-300', '?tr=w-300', 'h-10']);
  });
});
