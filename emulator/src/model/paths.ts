import { badRequest } from '../http/errors.js';

/** Longest file or folder name we accept, in UTF-8 bytes (common filesystem limit). */
export const MAX_NAME_BYTES = 255;
/** ImageKit allows at most 50 nested folder levels. */
export const MAX_FOLDER_DEPTH = 50;

// ImageKit keeps unicode letters, marks and numerals plus `.`, `_`, `-`; everything else becomes `_`.
const FILE_NAME_DISALLOWED = /[^\p{L}\p{M}\p{N}._-]/gu;
const FOLDER_NAME_DISALLOWED = /[^\p{L}\p{M}\p{N}_-]/gu;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Sanitises an upload/rename `fileName` the way ImageKit does; rejects what cannot be a name. */
export function sanitizeFileName(raw: string, param = 'fileName'): string {
  const name = raw.normalize('NFC').replace(FILE_NAME_DISALLOWED, '_');
  if (name.length === 0) throw badRequest(`Your request contains invalid ${param} parameter. It cannot be empty.`);
  if (/^\.+$/.test(name)) throw badRequest(`Your request contains invalid ${param} parameter. '.' & '..' can not be used as ${param}.`);
  if (utf8Length(name) > MAX_NAME_BYTES) {
    throw badRequest(`Your request contains invalid ${param} parameter. It must be at most ${MAX_NAME_BYTES} bytes long.`);
  }
  return name;
}

/** Sanitises one folder name (create-folder `folderName`, rename-folder `newFolderName`). */
export function sanitizeFolderName(raw: string, param = 'folderName'): string {
  assertNoForbiddenChars(raw, param);
  const trimmed = raw.normalize('NFC');
  if (trimmed === '.' || trimmed === '..') {
    throw badRequest("'.' & '..' can not be used as folder-name", { reason: 'INVALID_FOLDER_PATH' });
  }
  const name = trimmed.replace(FOLDER_NAME_DISALLOWED, '_');
  if (name.length === 0) throw badRequest(`Your request contains invalid ${param} parameter. It cannot be empty.`);
  if (utf8Length(name) > MAX_NAME_BYTES) {
    throw badRequest(`Your request contains invalid ${param} parameter. It must be at most ${MAX_NAME_BYTES} bytes long.`);
  }
  return name;
}

function assertNoForbiddenChars(raw: string, param: string): void {
  if (raw.includes('\0')) throw badRequest(`Your request contains invalid ${param} parameter. It must not contain NUL characters.`);
  if (raw.includes('\\')) throw badRequest(`Your request contains invalid ${param} parameter. Use '/' as the separator, not '\\'.`);
  if (/^[A-Za-z]:/.test(raw)) throw badRequest(`Your request contains invalid ${param} parameter. Drive-letter paths are not media library paths.`);
}

function segmentsOf(raw: string, param: string): string[] {
  assertNoForbiddenChars(raw, param);
  const segments = raw.normalize('NFC').split('/').filter((s) => s.length > 0);
  for (const s of segments) {
    if (s === '.' || s === '..') {
      throw badRequest(`Your request contains invalid ${param} parameter. '.' & '..' can not be used in a path.`, { reason: 'INVALID_FOLDER_PATH' });
    }
    if (utf8Length(s) > MAX_NAME_BYTES) {
      throw badRequest(`Your request contains invalid ${param} parameter. Each path segment must be at most ${MAX_NAME_BYTES} bytes long.`);
    }
  }
  if (segments.length > MAX_FOLDER_DEPTH) {
    throw badRequest(`Your request contains invalid ${param} parameter. Folders can be nested at most ${MAX_FOLDER_DEPTH} levels deep.`);
  }
  return segments;
}

/** Upload `folder`: each segment sanitised like a folder name; returns `/a/b/` (or `/`). */
export function sanitizeFolderPath(raw: string, param = 'folder'): string {
  const segments = segmentsOf(raw, param).map((s) => s.replace(FOLDER_NAME_DISALLOWED, '_'));
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** A folder path used for lookup (list `path`, copy destination…): validated, not rewritten. */
export function normalizeFolderPath(raw: string, param = 'path'): string {
  const segments = segmentsOf(raw, param);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/** A file path used for lookup (`/a/b.jpg`). */
export function normalizeFilePath(raw: string, param = 'filePath'): string {
  const segments = segmentsOf(raw, param);
  if (segments.length === 0) throw badRequest(`Your request contains invalid ${param} parameter. It must name a file.`);
  return `/${segments.join('/')}`;
}

/** `/a/b/` → `/a/`; `/` → undefined. */
export function parentFolder(folderPath: string): string | undefined {
  if (folderPath === '/') return undefined;
  const trimmed = folderPath.slice(0, -1);
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}

/** `/a/b/` → `b`. */
export function folderNameOf(folderPath: string): string {
  const trimmed = folderPath.slice(0, -1);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `/a/b/` → [`/a/`, `/a/b/`]. */
export function folderAncestry(folderPath: string): string[] {
  const out: string[] = [];
  for (let p: string | undefined = folderPath; p && p !== '/'; p = parentFolder(p)) out.unshift(p);
  return out;
}

/** Splits `name.ext` for unique-suffix insertion: `a.b.jpg` → [`a.b`, `.jpg`]. */
export function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}
