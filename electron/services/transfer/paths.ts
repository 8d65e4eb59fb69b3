/**
 * Library paths as the transfer engine uses them: folders are `/` or `/a/b` (no trailing slash),
 * relative paths are `a/b/c.jpg`. Every path that comes from outside (a person, a manifest, a
 * listing) goes through `normalizeLibraryPath`, which refuses `..`, NUL and backslashes instead of
 * guessing what they meant.
 */

export class BadPathError extends Error {
  override readonly name = 'BadPathError';
}

export function normalizeLibraryPath(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) throw new BadPathError('A library path is empty; give a path such as / or /folder/sub.');
  if (raw.length > 2048) throw new BadPathError('A library path is longer than 2048 characters.');
  if (/[\0\\]/.test(raw)) throw new BadPathError(`"${printable(raw)}" contains a backslash or a NUL character; library paths use "/".`);
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw new BadPathError(`"${printable(raw)}" contains "..": library paths cannot step out of a folder.`);
  return '/' + parts.join('/');
}

/** `/a/b` + `c/d.jpg` → `/a/b/c/d.jpg`. */
export function joinLibrary(folder: string, rel: string): string {
  if (!rel) return folder;
  return folder === '/' ? `/${rel}` : `${folder}/${rel}`;
}

/** The part of `filePath` below `root`, or null when it is not below it. */
export function relativeTo(root: string, filePath: string): string | null {
  if (root === '/') return filePath.startsWith('/') ? filePath.slice(1) : null;
  return filePath.startsWith(root + '/') ? filePath.slice(root.length + 1) : null;
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Folder part of a relative path: `a/b/c.jpg` → `a/b`, `c.jpg` → ``. */
export function relFolder(rel: string): string {
  const cut = rel.lastIndexOf('/');
  return cut < 0 ? '' : rel.slice(0, cut);
}

/** ImageKit's List API takes folders with a trailing slash (`/a/b/`), the root as `/`. */
export function apiFolder(folder: string): string {
  return folder === '/' ? '/' : `${folder}/`;
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f]/g, '?').slice(0, 200);
}
