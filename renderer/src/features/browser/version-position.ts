/** The parts of a version entry its place in the history depends on. */
interface VersionLike {
  versionName: string;
  isCurrent: boolean;
}

/** ImageKit names versions "Version N"; N orders them (they share the file's createdAt). */
const numberOf = (v: VersionLike): number => Number(/(\d+)\s*$/.exec(v.versionName)?.[1] ?? Number.NaN);

/**
 * Where the current version stands in the file's history, counted from the oldest: 3 for the newest
 * of three, 1 after Version 1 of three was restored. The list comes current first (how the Versions
 * section shows it), so its index says nothing. A current version without a number is the newest.
 */
export function versionPosition(list: ReadonlyArray<VersionLike>): number {
  const current = list.find((v) => v.isCurrent);
  const n = current ? numberOf(current) : Number.NaN;
  if (!Number.isFinite(n)) return list.length;
  return list.filter((v) => numberOf(v) <= n).length;
}
