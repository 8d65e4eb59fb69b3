/**
 * A file's delivery URL as ImageKit writes it in the file object's `url` (endpoint + path, each
 * segment percent-encoded), without the `updatedAt` cache-buster: the form the CDN caches and purges.
 */
export function deliveryUrlOf(urlEndpoint: string, filePath: string): string {
  return urlEndpoint.replace(/\/+$/, '') + filePath.split('/').map(encodeURIComponent).join('/');
}
