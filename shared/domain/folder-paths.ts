/**
 * Folder and file path helpers for ImageKit paths (`/a/b`). No zod here: the renderer's first screen
 * (folder tree, toolbar, folder menus) imports these without pulling the contract's schemas into its
 * initial JavaScript. shared/domain/library.ts re-exports them.
 */

/** `/a/b` → `/a/b/` as the API's `path` parameters want it (root stays `/`). */
export function apiFolderPath(folderPath: string): string {
  return folderPath === '/' ? '/' : `${folderPath.replace(/\/+$/, '')}/`;
}

/** `/a/b/c.jpg` → `/a/b`; `/c.jpg` → `/`. */
export function folderOfFilePath(filePath: string): string {
  const cut = filePath.lastIndexOf('/');
  return cut <= 0 ? '/' : filePath.slice(0, cut);
}

/** `/a/b` → `b`; `/` → `` */
export function folderName(folderPath: string): string {
  return folderPath.split('/').filter(Boolean).pop() ?? '';
}

/**
 * The folder name ImageKit stores for `typed`: it keeps letters, marks, numerals, `-` and `_` and
 * writes `_` for everything else ("Holiday Photos" → "Holiday_Photos"), so the app can say so.
 */
export function imagekitFolderName(typed: string): string {
  return typed.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}_-]/gu, '_');
}
