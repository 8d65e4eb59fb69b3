import { describe, expect, it } from 'vitest';
import { IkError } from '../../src/http/errors.js';
import { compileSearchQuery, parseSearchQuery, type SearchNode } from '../../src/search/index.js';
import { MAX_QUERY_LENGTH } from '../../src/search/lexer.js';
import { MAX_NESTING } from '../../src/search/parser.js';
import { NOW, search } from './fixtures.js';

/** Compact rendering of a tree: `(OR a (AND b c))`, conditions as `field op value`. */
function shape(node: SearchNode): string {
  if (node.kind !== 'condition') return `(${node.kind.toUpperCase()} ${node.operands.map(shape).join(' ')})`;
  const value = 'value' in node ? node.value.raw : 'values' in node ? `[${node.values.map((v) => v.raw).join(',')}]` : '';
  return `${node.field.name} ${node.operator}${value ? ` ${value}` : ''}`;
}

function messageOf(query: string): string {
  try {
    compileSearchQuery(query, { now: NOW });
  } catch (e) {
    expect(e).toBeInstanceOf(IkError);
    expect((e as IkError).status).toBe(400);
    return (e as IkError).message;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
}

describe('grammar', () => {
  it.each([
    ['name = "a" OR name = "b" AND name = "c"', '(OR name = a (AND name = b name = c))'],
    ['name = "a" AND name = "b" OR name = "c"', '(OR (AND name = a name = b) name = c)'],
    ['(name = "a" OR name = "b") AND name = "c"', '(AND (OR name = a name = b) name = c)'],
    ['name = "a" AND name = "b" AND name = "c"', '(AND name = a name = b name = c)'],
    ['name="x"AND size>1', '(AND name = x size > 1)'],
    ['name NOT = "x"', 'name NOT = x'],
    ['tags NOT IN ["a","b"]', 'tags NOT IN [a,b]'],
    ['tags NOT EXISTS', 'tags NOT EXISTS'],
    ['tags EXISTS OR tags HAS "x"', '(OR tags EXISTS tags HAS x)'],
    ['createdAt < 2020-01-01T12:12:12', 'createdAt < 2020-01-01T12:12:12'],
    ['createdAt < 2020-01-01T12:12:12.5+05:30', 'createdAt < 2020-01-01T12:12:12.5+05:30'],
    ["name = 'it\\'s'", "name = it's"],
    ['name = "say \\"hi\\""', 'name = say "hi"'],
    ['name = "AND"', 'name = AND'],
    ['"name" : \'red\'', 'name : red'],
    ['((((name = "a"))))', 'name = a'],
  ])('%s → %s', (query, expected) => {
    expect(shape(parseSearchQuery(query))).toBe(expected);
  });

  it('AND binds tighter than OR when evaluating', () => {
    // Read as a OR (b AND c): red-summer matches through the first branch alone.
    expect(search('name = "red-dress-summer.jpg" OR name = "manual.pdf" AND size > "1gb"')).toEqual(['red-summer']);
    expect(search('(name = "red-dress-summer.jpg" OR name = "manual.pdf") AND size > "1gb"')).toEqual([]);
  });

  it('accepts bare words as string values', () => {
    expect(search('name = manual.pdf')).toEqual(['manual']);
  });

  it('keeps offsets in the tree', () => {
    const node = parseSearchQuery('size > 10 AND  name = "x"');
    expect(node.kind).toBe('and');
    if (node.kind !== 'and') return;
    const second = node.operands[1];
    expect(second.kind === 'condition' && [second.field.position, second.operatorPosition]).toEqual([15, 20]);
  });
});

describe('malformed queries are a 400 saying what and where', () => {
  it.each([
    ['', 'the query is empty at position 0'],
    ['   ', 'the query is empty at position 0'],
    ['name', 'expected an operator (=, :, <, <=, >, >=, NOT =, IN, NOT IN, HAS, EXISTS, NOT EXISTS) after field "name" but found the end of the query at position 4'],
    ['createdAt > ', 'expected a value after ">" but found the end of the query at position 12'],
    ['(name = "a"', 'expected ")" to close the "(" at position 0 but found the end of the query at position 11'],
    ['name = "a")', 'unmatched ")" at position 10'],
    ['name = "a" size > 1', 'expected AND, OR or the end of the query but found "size" at position 11'],
    ['name = "a" and size > 1', 'expected AND, OR or the end of the query but found "and" (keywords are upper-case: AND) at position 11'],
    ['name in ["a"]', 'but found "in" (keywords are upper-case: IN) at position 5'],
    ['name IN "a"', 'expected a list like ["a", "b"] after IN but found the string "a" at position 8'],
    ['name IN []', 'the list after IN is empty at position 8'],
    ['name IN ["a",]', 'expected a value after "," but found "]" at position 13'],
    ['name IN ["a" "b"]', 'expected "," or "]" in the list opened at position 8 but found the string "b" at position 13'],
    ['name = "abc', 'unterminated string "\\"abc" (missing closing ") at position 7'],
    ["name = 'abc", "unterminated string \"'abc\" (missing closing ') at position 7"],
    ['name NOT "a"', 'expected "=", IN or EXISTS after NOT but found the string "a" at position 9'],
    ['AND name = "a"', 'expected a field name or "(" but found the keyword AND at position 0'],
    ['()', 'empty parentheses at position 0'],
    [')', 'unexpected ")" at position 0'],
    ['name = AND', 'expected a value after "=" but found the keyword AND at position 7'],
    ['name != "x"', '"!=" is not an operator; use NOT = (or NOT IN) at position 5'],
    ['name == "x"', 'expected a value after "=" but found "=" at position 6'],
    ['NAME = "a"', 'unknown field "NAME" (did you mean "name"?) at position 0'],
    ['"CustomMetadata.x" = "a"', 'unknown field "CustomMetadata.x" (did you mean "customMetadata.x"?) at position 0'],
    ['size : 5', 'operator ":" is not supported for field "size" (supported: =, <, <=, >, >=, IN, NOT =, NOT IN) at position 5'],
    ['name < "b"', 'operator "<" is not supported for field "name"'],
    ['size > "1 mb"', '"1 mb" is not a size'],
    ['height > "tall"', '"tall" is not a number (field "height") at position 9'],
    ['private = yes', 'field "private" takes true or false, not "yes" at position 10'],
    ['format = "jpeg"', '"jpeg" is not a valid value for field "format" (allowed: jpg, webp'],
    ['type = "files"', '"files" is not a valid value for field "type" (allowed: file, file-version, folder) at position 7'],
    ['createdAt > "2020-02-30"', '"2020-02-30" is not a valid date for field "createdAt": no such calendar day at position 12'],
    ['createdAt > "2020-01-01T25:00"', 'no such calendar day or time'],
    ['createdAt > "yesterday"', '"yesterday" is not a valid date for field "createdAt": use YYYY-MM-DD'],
    ['createdAt > 7days', '"7days" is not a valid date'],
    ['videoDuration > "2 minutes"', '"2 minutes" is not a duration'],
    ['name HAS "  "', 'HAS needs at least one letter or digit'],
  ])('%j', (query, expected) => {
    const message = messageOf(query);
    expect(message.startsWith('Invalid search query: ')).toBe(true);
    expect(message).toContain(expected);
  });

  it(`limits nesting to ${MAX_NESTING} levels`, () => {
    const nested = (n: number) => `${'('.repeat(n)}name = "a"${')'.repeat(n)}`;
    expect(() => parseSearchQuery(nested(MAX_NESTING))).not.toThrow();
    expect(messageOf(nested(MAX_NESTING + 1))).toBe(`Invalid search query: parentheses are nested more than ${MAX_NESTING} deep at position ${MAX_NESTING}`);
    expect(messageOf(nested(100_000).slice(0, MAX_QUERY_LENGTH))).toContain('nested more than');
  });

  it(`refuses queries longer than ${MAX_QUERY_LENGTH} characters`, () => {
    const long = `name IN [${Array.from({ length: 20_000 }, (_, i) => `"n${i}"`).join(',')}]`;
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    expect(messageOf(long)).toContain(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
  });
});
