import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMatcher, words } from '../../src/search/text-match.js';

/** The rule written the slow, obvious way: tokenise both sides and compare word lists. */
function reference(query: string, texts: string[]): boolean {
  const wanted = words(query);
  const have = texts.flatMap(words);
  return wanted.slice(0, -1).every((w) => have.includes(w)) && have.some((w) => w.startsWith(wanted[wanted.length - 1]));
}

describe('HAS word matching', () => {
  it.each([
    ['red dress', ['Red-Dress-Summer.jpg'], true],
    ['red dre', ['red_dress.png'], true],
    ['dre red', ['red-dress.png'], false],
    ['ress', ['red-dress.png'], false],
    ['SUMMER', ['summer-sale'], true],
    ['café', ['CAFÉ au lait'], true],
    ['sale summer', ['summer', 'sale'], true],
    ['mersa', ['sum', 'mersale'], true],
    ['summ ale', ['summ', 'sale'], false],
    ['2024', ['photo_2024-01.jpg'], true],
  ])('%s in %j → %s', (query, texts, expected) => {
    expect(hasMatcher(query)!(texts)).toBe(expected);
  });

  it('has no words to match in punctuation alone', () => {
    expect(hasMatcher(' -_. ')).toBeUndefined();
  });

  it('agrees with plain tokenisation on random text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abAB1é É-_. İß'), maxLength: 14 });
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 3 }), (query, texts) => {
        const match = hasMatcher(query);
        if (!match) return;
        expect(match(texts)).toBe(reference(query, texts));
      }),
      { numRuns: 2000 },
    );
  });
});
