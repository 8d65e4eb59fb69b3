import type { Literal, Operator } from './ast.js';
import { requireWords, type FieldSpec } from './builtin-fields.js';
import { compileLocation, recordLocation } from './geo.js';
import { isNumberText, looksLikeDate, parseDate, recordDateMs, type NumericRange } from './literals.js';
import { queryError, show } from './query-error.js';
import type { Clause, CompileContext, Predicate, SearchTarget } from './target.js';
import { hasMatcher } from './text-match.js';

/**
 * `"customMetadata.<name>"` and `"embeddedMetadata.<key>"`. The query does not say a field's type,
 * so a condition is checked against the literal at compile time (a comparison needs a number or a
 * date) and against the stored value's JSON type when evaluated: strings compare as text (or as
 * dates when the literal is a date), numbers as numbers, booleans as booleans, and an array
 * (MultiSelect, Keywords) matches when any element does.
 */
export const ALL_METADATA_OPERATORS: readonly Operator[] = [
  '=', ':', '<', '<=', '>', '>=', 'IN', 'NOT =', 'NOT IN', 'HAS', 'EXISTS', 'NOT EXISTS',
];

/** Operators per custom metadata field type (ImageKit's table), used when the schema is known. */
export const OPERATORS_BY_CUSTOM_TYPE: Record<string, readonly Operator[]> = {
  Text: ['=', ':', 'IN', 'NOT =', 'NOT IN', 'HAS', 'EXISTS', 'NOT EXISTS'],
  Textarea: ['=', ':', 'IN', 'NOT =', 'NOT IN', 'HAS', 'EXISTS', 'NOT EXISTS'],
  Date: ['=', '<', '<=', '>', '>=', 'IN', 'NOT =', 'NOT IN', 'EXISTS', 'NOT EXISTS'],
  Number: ['=', '<', '<=', '>', '>=', 'IN', 'NOT =', 'NOT IN', 'EXISTS', 'NOT EXISTS'],
  Boolean: ['=', 'EXISTS', 'NOT EXISTS'],
  SingleSelect: ['=', ':', 'IN', 'NOT =', 'NOT IN', '>', '>=', '<', '<=', 'EXISTS', 'NOT EXISTS'],
  MultiSelect: ['IN', 'NOT IN', 'EXISTS', 'NOT EXISTS'],
};

type Get = (t: SearchTarget) => unknown;

// Own keys only: `"customMetadata.__proto__"` or `.constructor` must not reach Object.prototype.
const own = (bag: Record<string, unknown>, key: string) => (Object.hasOwn(bag, key) ? bag[key] : undefined);
const customValue = (key: string): Get => (t) => own(t.record.customMetadata, key);
const embeddedValue = (key: string): Get => (t) => (t.kind === 'file' ? own(t.record.embeddedMetadata, key) : undefined);

export function customMetadataField(key: string, operators: readonly Operator[] = ALL_METADATA_OPERATORS): FieldSpec {
  return { operators, compile: (c, ctx) => compileGeneric(c, ctx, customValue(key)) };
}

export function embeddedMetadataField(key: string): FieldSpec {
  const get = embeddedValue(key);
  if (key === 'LocationTaken') {
    return {
      operators: ['=', 'EXISTS', 'NOT EXISTS'],
      compile: (c) => {
        if (c.test === 'exists') return (t) => t.kind === 'file' && recordLocation(t.record.embeddedMetadata) !== undefined;
        const inside = compileLocation(c.literals[0]);
        return (t) => {
          const where = t.kind === 'file' ? recordLocation(t.record.embeddedMetadata) : undefined;
          return where !== undefined && inside(where);
        };
      },
    };
  }
  if (key === 'DateTimeOriginal') {
    return {
      operators: ['=', '<', '<=', '>', '>=', 'IN', 'NOT =', 'NOT IN', 'EXISTS', 'NOT EXISTS'],
      compile: (c, ctx) => {
        for (const l of c.literals) parseDate(l, c.field, ctx.now);
        return compileGeneric(c, ctx, get);
      },
    };
  }
  if (key === 'Keywords') {
    return { operators: ['IN', 'NOT IN', 'EXISTS', 'NOT EXISTS'], compile: (c, ctx) => compileGeneric(c, ctx, get) };
  }
  return { operators: ALL_METADATA_OPERATORS, compile: (c, ctx) => compileGeneric(c, ctx, get) };
}

/** A literal read every way the stored value might need it. */
interface Probe {
  text: string;
  number?: number;
  date?: NumericRange;
}

function probe(literal: Literal, field: string, now: Date): Probe {
  return {
    text: literal.raw,
    number: isNumberText(literal.raw) ? Number(literal.raw) : undefined,
    date: looksLikeDate(literal.raw) ? parseDate(literal, field, now) : undefined,
  };
}

function equals(stored: unknown, p: Probe): boolean {
  if (typeof stored === 'string') return stored === p.text || (p.date !== undefined && within(recordDateMs(stored), p.date));
  if (typeof stored === 'number') return stored === p.number;
  if (typeof stored === 'boolean') return String(stored) === p.text;
  return false;
}

const within = (v: number, r: NumericRange) => v >= r.start && v <= r.end;

/** Any element of an array (MultiSelect, Keywords) or the single value satisfies `test`. */
function some(stored: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(stored) ? stored.some(test) : test(stored);
}

function compileGeneric(c: Clause, ctx: CompileContext, get: Get): Predicate {
  switch (c.test) {
    case 'exists':
      return (t) => {
        const v = get(t);
        return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
      };
    case 'eq': {
      const probes = c.literals.map((l) => probe(l, c.field, ctx.now));
      if (probes.length === 1) {
        // One value (`=`): no closure per record, which a scan of a million files feels.
        const only = probes[0];
        return (t) => {
          const v = get(t);
          return Array.isArray(v) ? v.some((x) => equals(x, only)) : equals(v, only);
        };
      }
      const any = (v: unknown) => probes.some((p) => equals(v, p));
      return (t) => some(get(t), any);
    }
    case 'prefix': {
      const prefix = c.literals[0].raw;
      return (t) => some(get(t), (v) => typeof v === 'string' && v.startsWith(prefix));
    }
    case 'has': {
      requireWords(c);
      const match = hasMatcher(c.literals[0].raw)!;
      return (t) => {
        const v = get(t);
        const texts = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
        return texts.length > 0 && match(texts);
      };
    }
    default:
      return compileComparison(c, ctx, get);
  }
}

function compileComparison(c: Clause, ctx: CompileContext, get: Get): Predicate {
  const literal = c.literals[0];
  const cmp = comparator(c.test);
  if (isNumberText(literal.raw)) {
    const pivot = Number(literal.raw);
    return (t) => some(get(t), (v) => typeof v === 'number' && cmp(v, pivot));
  }
  if (looksLikeDate(literal.raw)) {
    const pivot = parseDate(literal, c.field, ctx.now).at;
    return (t) => some(get(t), (v) => cmp(recordDateMs(v), pivot));
  }
  throw queryError(
    `operator "${c.operator}" needs a number or a date for field ${show(c.field)}, not ${show(literal.raw)}`,
    literal.position,
  );
}

function comparator(test: Clause['test']): (a: number, b: number) => boolean {
  if (test === 'lt') return (a, b) => a < b;
  if (test === 'le') return (a, b) => a <= b;
  if (test === 'gt') return (a, b) => a > b;
  return (a, b) => a >= b;
}
