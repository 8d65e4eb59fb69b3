/** Plain-word formatting for sizes, dates and thumbnail URLs in the browser. */

export { formatBytes } from '../../app/format-bytes';
export { formatDate } from '../../ui/format-date';

/**
 * A thumbnail through a transformation URL, sized for the device pixel ratio. Sizes snap to steps of
 * 64 px so neighbouring layouts share one rendition (and the CDN's cache).
 */
export function thumbnailUrl(url: string, cssPixels: number, devicePixelRatio: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}tr=${thumbnailTransformation(cssPixels, devicePixelRatio)}`;
}

/** The `tr` value of a thumbnail (also what private files' thumbnails are signed with). */
export function thumbnailTransformation(cssPixels: number, devicePixelRatio: number): string {
  const px = Math.max(64, Math.ceil((cssPixels * Math.max(1, devicePixelRatio)) / 64) * 64);
  return `w-${px},h-${px},c-at_max`;
}

/** The file's extension in capitals, shown where there is no image preview. */
export function typeBadge(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toUpperCase().slice(0, 5) : 'FILE';
}

/** `/a/b` + `c` → `/a/b/c`. */
export function childPath(parent: string, name: string): string {
  return `${parent === '/' ? '' : parent}/${name}`;
}

/** The parent of a folder path; the root is its own parent. */
export function parentPath(folderPath: string): string {
  const cut = folderPath.lastIndexOf('/');
  return cut <= 0 ? '/' : folderPath.slice(0, cut);
}

/** Where a download of the original starts: ImageKit serves it as an attachment with `ik-attachment=true`. */
export function attachmentUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}ik-attachment=true`;
}
