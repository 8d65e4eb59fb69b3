import { useSignedUrl } from '../../api/library-signed-urls';
import { isVideoFile, joinTransformation, videoThumbnailPath, videoThumbnailUrl } from '../../../../shared/video/video-facts';
import { thumbnailTransformation, thumbnailUrl } from './format';

interface Previewable {
  url: string;
  filePath: string;
  fileType: string;
  name: string;
  mime?: string | null;
  isPrivateFile?: boolean | null;
}

export interface PreviewSrc {
  /** What to put in `<img src>`; undefined while a private file's URL is being signed or when there is none. */
  src: string | undefined;
  /** A private file whose URL could not be signed (shown as such, not as a broken image). */
  signingFailed: boolean;
}

/** Images preview themselves; videos through their `ik-thumbnail.jpg` frame, which takes the same resize. */
export function hasPreview(file: Previewable): boolean {
  return Boolean(file.url) && (file.fileType === 'image' || isVideoFile(file));
}

/**
 * The image URL of a file's preview at `cssPixels`: public files through their own transformation
 * URL, private ones through a short-lived URL signed by the main process (batched with other tiles).
 * A video's preview is its thumbnail frame (`frameAt`, an `so-` value, picks another frame than the first).
 * `wanted` false asks for nothing (a tile not settled yet, a file type without preview).
 */
export function usePreviewSrc(file: Previewable, cssPixels: number, wanted = true, frameAt = ''): PreviewSrc {
  const previewable = hasPreview(file);
  const video = previewable && file.fileType !== 'image';
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const size = thumbnailTransformation(cssPixels, dpr);
  const transformation = video ? joinTransformation(frameAt, size) : size;
  const signs = wanted && previewable && file.isPrivateFile === true;
  const signed = useSignedUrl(signs ? { filePath: video ? videoThumbnailPath(file.filePath) : file.filePath, transformation } : undefined);
  if (!wanted || !previewable) return { src: undefined, signingFailed: false };
  if (!file.isPrivateFile) return { src: video ? videoThumbnailUrl(file.url, transformation) : thumbnailUrl(file.url, cssPixels, dpr), signingFailed: false };
  return { src: signed.data, signingFailed: signed.isError };
}
