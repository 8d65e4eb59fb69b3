import type { NumericRange } from './literals.js';
import type { Predicate, SearchTarget, Test } from './target.js';
import { hasMatcher } from './text-match.js';

/**
 * Generic predicate builders shared by the built-in and metadata fields. Each returns a plain
 * closure over pre-parsed values, so evaluating a record does no parsing of the query.
 */
type Get<T> = (t: SearchTarget) => T;

/** `=`/`IN` (exact, case-sensitive), `:` (begins with) and `HAS` (words) on one string per target. */
export function stringPredicate(test: Test, get: Get<string | null | undefined>, values: string[]): Predicate {
  if (test === 'eq') {
    if (values.length === 1) {
      const only = values[0];
      return (t) => get(t) === only;
    }
    const set = new Set(values);
    return (t) => {
      const v = get(t);
      return v !== null && v !== undefined && set.has(v);
    };
  }
  if (test === 'prefix') {
    if (values.length === 1) {
      const only = values[0];
      return (t) => {
        const v = get(t);
        return typeof v === 'string' && v.startsWith(only);
      };
    }
    return (t) => {
      const v = get(t);
      return typeof v === 'string' && values.some((p) => v.startsWith(p));
    };
  }
  if (test === 'has') {
    const match = hasMatcher(values[0]);
    if (!match) return () => false;
    return (t) => {
      const v = get(t);
      return typeof v === 'string' && match([v]);
    };
  }
  throw new Error(`stringPredicate: unsupported test ${test}`);
}

/**
 * Ordered values (numbers, sizes, durations, dates as epoch ms). `get` answers NaN when the target
 * has no value, and every comparison with NaN is false.
 */
export function rangePredicate(test: Test, get: Get<number>, ranges: NumericRange[]): Predicate {
  const pivot = ranges[0]?.at ?? NaN;
  switch (test) {
    case 'lt':
      return (t) => get(t) < pivot;
    case 'le':
      return (t) => get(t) <= pivot;
    case 'gt':
      return (t) => get(t) > pivot;
    case 'ge':
      return (t) => get(t) >= pivot;
    case 'eq': {
      if (ranges.length === 1) {
        const { start, end } = ranges[0];
        return (t) => {
          const v = get(t);
          return v >= start && v <= end;
        };
      }
      return (t) => {
        const v = get(t);
        for (const r of ranges) if (v >= r.start && v <= r.end) return true;
        return false;
      };
    }
    default:
      throw new Error(`rangePredicate: unsupported test ${test}`);
  }
}

export function booleanPredicate(get: Get<boolean | null | undefined>, wanted: boolean): Predicate {
  return (t) => get(t) === wanted;
}

export function negate(p: Predicate): Predicate {
  return (t) => !p(t);
}

/**
 * Dates stored as canonical ISO strings (`toISOString()`: fixed width, UTC) order the same as the
 * instants they name, so comparing strings skips a Date.parse per record; other spellings fall back
 * to parsing. Ranges beyond year 9999 cannot be written canonically and always take the slow path.
 */
export function datePredicate(test: Test, get: Get<string>, ranges: NumericRange[]): Predicate {
  const slow = rangePredicate(test, (t) => Date.parse(get(t)), ranges);
  const iso = (ms: number) => (ms >= 0 && ms <= CANONICAL_MAX_MS ? new Date(ms).toISOString() : undefined);
  const bounds = ranges.map((r) => ({ at: iso(r.at), start: iso(r.start), end: iso(r.end) }));
  if (bounds.some((b) => b.at === undefined || b.start === undefined || b.end === undefined)) return slow;
  const canonical = (s: string) => s.length === 24 && s.charCodeAt(23) === 90 /* Z */ && s.charCodeAt(10) === 84; /* T */
  const pivot = bounds[0].at!;
  const fast = (s: string): boolean => {
    switch (test) {
      case 'lt':
        return s < pivot;
      case 'le':
        return s <= pivot;
      case 'gt':
        return s > pivot;
      case 'ge':
        return s >= pivot;
      default:
        for (const b of bounds) if (s >= b.start! && s <= b.end!) return true;
        return false;
    }
  };
  return (t) => {
    const s = get(t);
    return canonical(s) ? fast(s) : slow(t);
  };
}

const CANONICAL_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
