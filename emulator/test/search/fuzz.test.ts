import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IkError } from '../../src/http/errors.js';
import { compileSearchQuery, parseSearchQuery, type SearchNode } from '../../src/search/index.js';
import { LIBRARY, NOW } from './fixtures.js';

/** A query either compiles to a predicate that answers every target, or is refused with a 400. */
function outcome(query: string): 'ok' | 'rejected' {
  // CPU time, not wall time: other work on a shared machine must not fail this test.
  const started = process.cpuUsage();
  try {
    const { matches } = compileSearchQuery(query, { now: NOW });
    for (const t of LIBRARY) expect(typeof matches(t)).toBe('boolean');
    return 'ok';
  } catch (e) {
    if (!(e instanceof IkError)) throw e;
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/^Invalid search query: .+ at position \d+$/s);
    return 'rejected';
  } finally {
    // "Never hangs": every query, however odd, is handled in well under a second of CPU.
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  }
}

const FIELDS = [
  'name', 'tags', 'type', 'createdAt', 'updatedAt', 'height', 'width', 'size', 'videoDuration', 'format', 'private',
  'published', 'transparency', 'id', 'createdBy', 'path', '"customMetadata.x"', '"embeddedMetadata.Keywords"',
  '"embeddedMetadata.LocationTaken"', '"embeddedMetadata.DateTimeOriginal"', 'customMetadata.x', 'bogus', '"tags"', "'name'",
];
const OPERATORS = ['=', ':', '<', '<=', '>', '>=', 'NOT =', 'IN', 'NOT IN', 'HAS', 'EXISTS', 'NOT EXISTS', '!=', 'not', 'NOT'];
const VALUES = [
  '"a"', "'a'", '1', '-2.5', '"1mb"', '"10kb"', '7d', '"2w"', '1y', '3h', '2020-01-01', '"2020-01-01T12:12:12"',
  '2020-01-01T12:12:12Z', 'true', 'false', '"jpg"', '"file"', '"file-version"', '"folder"', '"/a/b/"', '"1.5min"', '"30sec"',
  '"40,100 5km"', '"40,100|50,105"', '"0,0|0,100|40,100|40,0"', '["a", 1, true]', '[]', '["x"', '"', '(', ')', '""',
];
const JOINERS = [' AND ', ' OR ', ' ', 'AND', ' and ', ' OR NOT '];

const condition = fc
  .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...OPERATORS), fc.constantFrom(...VALUES, ''), fc.constantFrom(' ', '', '  '))
  .map(([f, op, v, gap]) => `${f}${gap}${op}${gap}${v}`);

// Conditions that are valid on their own, so the mix reaches the compiler's evaluation paths too.
const VALID_CONDITIONS = [
  'name = "a"', "name: 'red'", 'name HAS "red dress"', 'tags IN ["sale"]', 'tags NOT EXISTS', 'type = "file-version"',
  'createdAt > 7d', 'updatedAt <= "2020-01-01T12:12:12"', 'height IN [200, 1080]', 'size < "1mb"', 'videoDuration > "1min"',
  'format IN ["jpg", "png"]', 'private = true', 'id NOT = "x"', 'createdBy IN ["alice"]', 'path : "/sales-banner/"',
  '"customMetadata.rating" > 4.3', '"customMetadata.tuples" NOT IN ["luxury", 500, true]', '"embeddedMetadata.Keywords" IN ["black"]',
  '"embeddedMetadata.LocationTaken" = "40,100 5km"', '"embeddedMetadata.DateTimeOriginal" > "1y"',
];

const grammarShaped = fc.letrec<{ query: string }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.constantFrom(...VALID_CONDITIONS), weight: 2 },
    condition,
    fc.tuple(tie('query'), fc.constantFrom(...JOINERS), tie('query')).map(([a, j, b]) => `${a}${j}${b}`),
    { arbitrary: fc.tuple(tie('query'), fc.constantFrom(' AND ', ' OR '), tie('query')).map(([a, j, b]) => `${a}${j}${b}`), weight: 2 },
    tie('query').map((q) => `(${q})`),
    tie('query').map((q) => `(${q}`),
  ),
})).query;

describe('fuzzing the parser and compiler', () => {
  it('random text: compiles or is a 400, never another error, never slow', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'()[],=:<>!"\' \\ANDORTINXSHa1.-') , maxLength: 60 })), (query) => {
        outcome(query);
      }),
      { numRuns: 1500 },
    );
  });

  it('grammar-shaped queries with mistakes mixed in: compiles or is a 400', () => {
    const seen = { ok: 0, rejected: 0 };
    fc.assert(
      fc.property(grammarShaped, (query) => {
        seen[outcome(query)]++;
      }),
      { numRuns: 1500 },
    );
    // Both sides of the property are actually exercised.
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(50);
  });

  // Well-formed leaves with the tree shape the parser must recover from a fully parenthesised print.
  const LEAVES: Array<[string, string]> = [
    ['name = "a"', 'name = a'],
    ["tags IN ['x', 'y']", 'tags IN [x,y]'],
    ['size <= "1mb"', 'size <= 1mb'],
    ['createdAt > 7d', 'createdAt > 7d'],
    ['"customMetadata.n" >= 4.3', 'customMetadata.n >= 4.3'],
    ['type NOT IN ["folder"]', 'type NOT IN [folder]'],
    ['tags NOT EXISTS', 'tags NOT EXISTS'],
    ['name HAS "red dress"', 'name HAS red dress'],
    ['path : "/a/"', 'path : /a/'],
    ['"embeddedMetadata.LocationTaken" = "40,100 5km"', 'embeddedMetadata.LocationTaken = 40,100 5km'],
  ];
  type Tree = { leaf: number } | { op: 'AND' | 'OR'; left: Tree; right: Tree };
  const tree = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small' },
      fc.nat(LEAVES.length - 1).map((leaf) => ({ leaf })),
      fc.record({ op: fc.constantFrom('AND' as const, 'OR' as const), left: tie('t'), right: tie('t') }),
    ),
  })).t;
  const print = (t: Tree): string => ('leaf' in t ? LEAVES[t.leaf][0] : `(${print(t.left)}) ${t.op} (${print(t.right)})`);
  const expectedShape = (t: Tree): string =>
    'leaf' in t ? LEAVES[t.leaf][1] : `(${t.op} ${expectedShape(t.left)} ${expectedShape(t.right)})`;
  const shape = (n: SearchNode): string => {
    if (n.kind !== 'condition') return `(${n.kind.toUpperCase()} ${n.operands.map(shape).join(' ')})`;
    const value = 'value' in n ? ` ${n.value.raw}` : 'values' in n ? ` [${n.values.map((v) => v.raw).join(',')}]` : '';
    return `${n.field.name} ${n.operator}${value}`;
  };

  it('well-formed trees always compile and parse back to the same shape', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const query = print(t);
        expect(outcome(query)).toBe('ok');
        expect(shape(parseSearchQuery(query))).toBe(expectedShape(t));
      }),
      { numRuns: 500 },
    );
  });
});
