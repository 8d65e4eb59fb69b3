import type { ListSort } from '../../../shared/imagekit/list-sorts.js';
import type { SearchTarget } from '../search/index.js';

type Key = string | number | undefined;

function keyOf(sort: ListSort): (t: SearchTarget) => Key {
  const field = sort.replace(/^(ASC|DESC)_/, '');
  switch (field) {
    case 'NAME':
      return (t) => t.record.name;
    case 'UPDATED':
      return (t) => t.record.updatedAt;
    case 'HEIGHT':
      return (t) => (t.kind === 'file' ? (t.record.height ?? undefined) : undefined);
    case 'WIDTH':
      return (t) => (t.kind === 'file' ? (t.record.width ?? undefined) : undefined);
    case 'SIZE':
      return (t) => (t.kind === 'file' ? t.record.size : undefined);
    case 'DURATION':
      return (t) => (t.kind === 'file' ? (t.record.duration ?? undefined) : undefined);
    case 'ORIGINAL_CREATION_DATE':
      return (t) => {
        const v = t.kind === 'file' ? t.record.embeddedMetadata.DateTimeOriginal : undefined;
        return typeof v === 'string' ? v : undefined;
      };
    default:
      // CREATED, and RELEVANCE (no ranking model locally: creation order).
      return (t) => t.record.createdAt;
  }
}

/**
 * Comparator for a list `sort`. Items without the sort key (folders have no size) go last in
 * either direction; ties keep creation order (the sort is stable and input is in that order).
 * Timestamps are ISO strings of one format, so they compare as strings.
 */
export function compareTargets(sort: ListSort): (a: SearchTarget, b: SearchTarget) => number {
  const key = keyOf(sort);
  const dir = sort.startsWith('DESC_') && !sort.endsWith('RELEVANCE') ? -1 : 1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    if (ka === undefined) return 1;
    if (kb === undefined) return -1;
    return (ka < kb ? -1 : 1) * dir;
  };
}
