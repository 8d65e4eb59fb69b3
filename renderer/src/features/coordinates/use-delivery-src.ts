import { useSignedUrl } from '../../api/library-signed-urls';
import { withTransformation } from './geometry';

interface Deliverable {
  url: string;
  filePath: string;
  isPrivateFile?: boolean | null;
  updatedAt?: string;
}

/**
 * A transformed delivery URL of the file for an `<img>`: public files through their own URL, private
 * ones through a URL the main process signs (as thumbnails do), since ImageKit refuses them unsigned.
 * `src` is undefined while signing; `signingFailed` says the signed URL could not be had.
 */
export function useDeliverySrc(file: Deliverable, transformation: string): { src: string | undefined; signingFailed: boolean } {
  const isPrivate = file.isPrivateFile === true;
  const signed = useSignedUrl(isPrivate ? { filePath: file.filePath, transformation } : undefined, file.updatedAt ?? '');
  if (!isPrivate) return { src: withTransformation(file.url, transformation), signingFailed: false };
  return { src: signed.data, signingFailed: signed.isError };
}
