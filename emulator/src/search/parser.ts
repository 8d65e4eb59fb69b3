import type { BooleanNode, ComparisonOperator, Condition, FieldRef, Literal, SearchNode } from './ast.js';
import { tokenize, type Token } from './lexer.js';
import { queryError, show } from './query-error.js';

/**
 * Recursive-descent parser for searchQuery.
 *
 *   query     := orExpr EOF
 *   orExpr    := andExpr { "OR" andExpr }        ; AND binds tighter than OR (ImageKit does not document
 *   andExpr   := primary { "AND" primary }       ;  precedence; this is the Lucene/SQL convention)
 *   primary   := "(" orExpr ")" | condition
 *   condition := field ( cmp value | "NOT" "=" value | ["NOT"] "IN" list | ["NOT"] "EXISTS" | "HAS" value )
 *   cmp       := "=" | ":" | "<" | "<=" | ">" | ">="
 *   list      := "[" value { "," value } "]"
 *   field     := word | quoted-string
 *   value     := quoted-string ('…' or "…") | bare word (number, true/false, 2020-01-01, 7d, …)
 *
 * Keywords are upper-case only, as in every ImageKit example; a lower-case `and` gets a hint.
 */
export const MAX_NESTING = 64;

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'HAS', 'EXISTS']);
const COMPARISONS = new Set(['=', ':', '<', '<=', '>', '>=']);

export function parseSearchQuery(query: string): SearchNode {
  return new Parser(tokenize(query)).parseQuery();
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): SearchNode {
    if (this.peek().kind === 'eof') throw queryError('the query is empty', 0);
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'eof') {
      if (next.kind === 'symbol' && next.text === ')') throw queryError('unmatched ")"', next.position);
      throw queryError(`expected AND, OR or the end of the query but found ${describe(next)}${caseHint(next)}`, next.position);
    }
    return node;
  }

  private parseOr(): SearchNode {
    return this.parseChain('OR', () => this.parseAnd());
  }

  private parseAnd(): SearchNode {
    return this.parseChain('AND', () => this.parsePrimary());
  }

  private parseChain(keyword: 'AND' | 'OR', operand: () => SearchNode): SearchNode {
    const first = operand();
    const operands = [first];
    while (this.isWord(this.peek(), keyword)) {
      this.next();
      operands.push(operand());
    }
    if (operands.length === 1) return first;
    const node: BooleanNode = { kind: keyword === 'AND' ? 'and' : 'or', operands, position: positionOf(first) };
    return node;
  }

  private parsePrimary(): SearchNode {
    const token = this.peek();
    if (token.kind === 'symbol' && token.text === '(') {
      this.next();
      if (++this.depth > MAX_NESTING) throw queryError(`parentheses are nested more than ${MAX_NESTING} deep`, token.position);
      if (this.peek().kind === 'symbol' && this.peek().text === ')') throw queryError('empty parentheses', token.position);
      const inner = this.parseOr();
      const close = this.peek();
      if (!(close.kind === 'symbol' && close.text === ')')) {
        throw queryError(`expected ")" to close the "(" at position ${token.position} but found ${describe(close)}`, close.position);
      }
      this.next();
      this.depth--;
      return inner;
    }
    return this.parseCondition();
  }

  private parseCondition(): Condition {
    const field = this.parseField();
    const opToken = this.next();
    const base = { kind: 'condition' as const, field, operatorPosition: opToken.position };
    if (opToken.kind === 'symbol' && COMPARISONS.has(opToken.text)) {
      return { ...base, operator: opToken.text as ComparisonOperator, value: this.parseValue(opToken.text) };
    }
    if (this.isWord(opToken, 'HAS')) return { ...base, operator: 'HAS', value: this.parseValue('HAS') };
    if (this.isWord(opToken, 'IN')) return { ...base, operator: 'IN', values: this.parseList('IN') };
    if (this.isWord(opToken, 'EXISTS')) return { ...base, operator: 'EXISTS' };
    if (this.isWord(opToken, 'NOT')) {
      const after = this.next();
      if (after.kind === 'symbol' && after.text === '=') return { ...base, operator: 'NOT =', value: this.parseValue('NOT =') };
      if (this.isWord(after, 'IN')) return { ...base, operator: 'NOT IN', values: this.parseList('NOT IN') };
      if (this.isWord(after, 'EXISTS')) return { ...base, operator: 'NOT EXISTS' };
      throw queryError(`expected "=", IN or EXISTS after NOT but found ${describe(after)}`, after.position);
    }
    if (opToken.kind === 'word' && opToken.text.startsWith('!')) {
      throw queryError(`"!=" is not an operator; use NOT = (or NOT IN)`, opToken.position);
    }
    throw queryError(
      `expected an operator (=, :, <, <=, >, >=, NOT =, IN, NOT IN, HAS, EXISTS, NOT EXISTS) after field ${show(field.name)} but found ${describe(opToken)}${caseHint(opToken)}`,
      opToken.position,
    );
  }

  private parseField(): FieldRef {
    const token = this.next();
    if (token.kind === 'string') return { name: token.text, quoted: true, position: token.position };
    if (token.kind === 'word' && !KEYWORDS.has(token.text)) return { name: token.text, quoted: false, position: token.position };
    if (token.kind === 'symbol' && token.text === ')') throw queryError('unexpected ")"', token.position);
    throw queryError(`expected a field name or "(" but found ${describe(token)}`, token.position);
  }

  private parseValue(after: string): Literal {
    const token = this.next();
    if (token.kind === 'string') return { raw: token.text, quoted: true, position: token.position };
    if (token.kind === 'word' && !KEYWORDS.has(token.text)) return { raw: token.text, quoted: false, position: token.position };
    throw queryError(`expected a value after "${after}" but found ${describe(token)}`, token.position);
  }

  private parseList(after: string): Literal[] {
    const open = this.next();
    if (!(open.kind === 'symbol' && open.text === '[')) {
      throw queryError(`expected a list like ["a", "b"] after ${after} but found ${describe(open)}`, open.position);
    }
    if (this.peek().kind === 'symbol' && this.peek().text === ']') throw queryError(`the list after ${after} is empty`, open.position);
    const values = [this.parseValue('[')];
    for (;;) {
      const sep = this.next();
      if (sep.kind === 'symbol' && sep.text === ']') return values;
      if (!(sep.kind === 'symbol' && sep.text === ',')) {
        throw queryError(`expected "," or "]" in the list opened at position ${open.position} but found ${describe(sep)}`, sep.position);
      }
      values.push(this.parseValue(','));
    }
  }

  private isWord(token: Token, keyword: string): boolean {
    return token.kind === 'word' && token.text === keyword;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'eof') this.index++;
    return token;
  }
}

function positionOf(node: SearchNode): number {
  return node.kind === 'condition' ? node.field.position : node.position;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the query';
    case 'string':
      return `the string ${show(token.text)}`;
    case 'symbol':
      return `"${token.text}"`;
    default:
      return KEYWORDS.has(token.text) ? `the keyword ${token.text}` : show(token.text);
  }
}

function caseHint(token: Token): string {
  return token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase()) && !KEYWORDS.has(token.text)
    ? ` (keywords are upper-case: ${token.text.toUpperCase()})`
    : '';
}
