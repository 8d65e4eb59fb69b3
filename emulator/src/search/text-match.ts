/**
 * `HAS`: case-insensitive full-text match. Both sides are split into words on anything that is not
 * a letter, mark or digit; every query word must equal a word of the target, except the last, which
 * only has to begin one (so `name HAS "red dre"` finds `Red-Dress.jpg` while the user is typing).
 */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

export function words(text: string): string[] {
  return text.toLowerCase().split(SEPARATORS).filter((w) => w.length > 0);
}

/**
 * Compiles the query side once; the returned test takes the target's texts (a name, or every tag).
 * Query words hold only letters, marks and digits, so they go into the patterns unescaped; the
 * look-arounds are the word boundaries, which saves tokenising every target.
 */
export function hasMatcher(query: string): ((texts: readonly string[]) => boolean) | undefined {
  const wanted = words(query);
  if (wanted.length === 0) return undefined;
  const last = wanted.length - 1;
  const patterns = wanted.map((w, i) => new RegExp(`(?<!${WORD_CHAR})${w}${i === last ? '' : `(?!${WORD_CHAR})`}`, 'u'));
  return (texts) => {
    // Tags are separate texts: joining with a space keeps a word from running into the next tag.
    const lower = (texts.length === 1 ? texts[0] : texts.join(' ')).toLowerCase();
    for (let i = 0; i <= last; i++) {
      // Cheap substring test first: most targets lack some word entirely.
      if (!lower.includes(wanted[i]) || !patterns[i].test(lower)) return false;
    }
    return true;
  };
}
