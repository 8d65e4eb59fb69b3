const IMAGE_NAME = /\.(jpe?g|png|webp|gif|avif|tiff?|bmp|heic|heif)$/i;

/**
 * Files the near-duplicate check compares (by name, as the queue knows them before reading a byte). The window
 * uses it too: while the check holds such files, it sends the others beside them.
 */
export function isImageName(name: string): boolean {
  return IMAGE_NAME.test(name);
}
