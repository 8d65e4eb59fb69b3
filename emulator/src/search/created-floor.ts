import type { SearchNode } from './ast.js';
import { parseDate } from './literals.js';

/** Canonical `toISOString()` form, the only one whose string order is time order. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The earliest `createdAt` a match can have, when the query requires one at its top level
 * (`createdAt > "30d" AND …`): `{ iso, inclusive }` for `>` / `>=`, undefined otherwise. With files
 * kept in creation order this lets a search start at the first file that can match instead of
 * testing every older one (a "recent files" query over a million files). `now` must be the instant
 * the query was compiled with, so both agree on relative dates.
 */
export function createdAtFloor(ast: SearchNode, now: Date): { iso: string; inclusive: boolean } | undefined {
  const conditions = ast.kind === 'and' ? ast.operands : [ast];
  let best: { iso: string; inclusive: boolean } | undefined;
  for (const c of conditions) {
    if (c.kind !== 'condition' || c.field.name !== 'createdAt' || (c.operator !== '>' && c.operator !== '>=')) continue;
    const at = parseDate(c.value, 'createdAt', now).at;
    if (!(at >= 0 && at <= CANONICAL_MAX_MS)) continue;
    const floor = { iso: new Date(at).toISOString(), inclusive: c.operator === '>=' };
    if (!best || floor.iso > best.iso || (floor.iso === best.iso && !floor.inclusive)) best = floor;
  }
  return best;
}

const CANONICAL_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** True when every `createdAt` is canonical and never decreases along `records` (then binary search applies). */
export function sortedByCreation(records: readonly { record: { createdAt: string } }[]): boolean {
  let previous = '';
  for (let i = 0; i < records.length; i++) {
    const at = records[i].record.createdAt;
    if (at < previous || !(at.length === 24 && CANONICAL.test(at))) return false;
    previous = at;
  }
  return true;
}

/** Index of the first record whose `createdAt` passes the floor (records sorted by creation). */
export function firstFrom(records: readonly { record: { createdAt: string } }[], floor: { iso: string; inclusive: boolean }): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = records[mid].record.createdAt;
    if (floor.inclusive ? at >= floor.iso : at > floor.iso) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
