import { useSignedUrl } from '../../api/library-signed-urls';
import { thumbnailTransformation, thumbnailUrl } from './format';

interface Previewable {
  url: string;
  filePath: string;
  fileType: string;
  isPrivateFile?: boolean | null;
}

export interface PreviewSrc {
  /** What to put in `<img src>`; undefined while a private file's URL is being signed or when there is none. */
  src: string | undefined;
  /** A private file whose URL could not be signed (shown as such, not as a broken image). */
  signingFailed: boolean;
}

/**
 * The image URL of a file's preview at `cssPixels`: public files through their own transformation
 * URL, private ones through a short-lived URL signed by the main process (batched with other tiles).
 * `wanted` false asks for nothing (a tile not settled yet, a file type without preview).
 */
export function usePreviewSrc(file: Previewable, cssPixels: number, wanted = true): PreviewSrc {
  const isImage = file.fileType === 'image' && Boolean(file.url);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const signs = wanted && isImage && file.isPrivateFile === true;
  const signed = useSignedUrl(signs ? { filePath: file.filePath, transformation: thumbnailTransformation(cssPixels, dpr) } : undefined);
  if (!wanted || !isImage) return { src: undefined, signingFailed: false };
  if (!file.isPrivateFile) return { src: thumbnailUrl(file.url, cssPixels, dpr), signingFailed: false };
  return { src: signed.data, signingFailed: signed.isError };
}
