import { queryError, show } from './query-error.js';

/**
 * Tokeniser for searchQuery text. Keywords (`AND`, `IN`, …) come out as `word` tokens and are
 * recognised by the parser, because the same spelling is a plain value in other places.
 */
export type TokenKind = 'word' | 'string' | 'symbol' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Word text, string contents without quotes, or the symbol itself. */
  text: string;
  position: number;
  /** For strings: which quote opened it (`"` as documented, `'` as in the Python quickstart). */
  quote?: '"' | "'";
}

/** Queries longer than this are refused: no real client sends them, and it bounds work per request. */
export const MAX_QUERY_LENGTH = 65_536;

const SINGLE_SYMBOLS = new Set(['(', ')', '[', ']', ',', '=', ':']);
// Characters that end a bare word. `!` is allowed inside words so `!=` reaches the parser, which explains it.
const WORD_BREAK = /[\s"'()[\],=:<>]/;
// An unquoted ISO date-time contains `:`, which is otherwise an operator; read it whole first.
const BARE_DATE_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?/y;

export function tokenize(query: string): Token[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw queryError(`the query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { text, end } = readString(query, i, ch);
      tokens.push({ kind: 'string', text, position: i, quote: ch });
      i = end;
      continue;
    }
    if (ch === '<' || ch === '>') {
      const text = query[i + 1] === '=' ? `${ch}=` : ch;
      tokens.push({ kind: 'symbol', text, position: i });
      i += text.length;
      continue;
    }
    if (SINGLE_SYMBOLS.has(ch)) {
      tokens.push({ kind: 'symbol', text: ch, position: i });
      i++;
      continue;
    }
    const end = wordEnd(query, i);
    tokens.push({ kind: 'word', text: query.slice(i, end), position: i });
    i = end;
  }
  tokens.push({ kind: 'eof', text: '', position: query.length });
  return tokens;
}

function wordEnd(query: string, start: number): number {
  BARE_DATE_TIME.lastIndex = start;
  const dateTime = BARE_DATE_TIME.exec(query);
  if (dateTime && (start + dateTime[0].length === query.length || WORD_BREAK.test(query[start + dateTime[0].length]))) {
    return start + dateTime[0].length;
  }
  let end = start;
  while (end < query.length && !WORD_BREAK.test(query[end])) end++;
  return end;
}

/** Reads a quoted string; `\"`, `\'` and `\\` escape, any other backslash is kept literally. */
function readString(query: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < query.length) {
    const ch = query[i];
    if (ch === quote) return { text, end: i + 1 };
    if (ch === '\\' && i + 1 < query.length && (query[i + 1] === quote || query[i + 1] === '\\')) {
      text += query[i + 1];
      i += 2;
      continue;
    }
    text += ch;
    i++;
  }
  throw queryError(`unterminated string ${show(query.slice(start, start + 20))} (missing closing ${quote})`, start);
}
