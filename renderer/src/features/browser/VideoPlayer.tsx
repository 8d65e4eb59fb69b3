import { forwardRef } from 'react';
import type { FileDetails } from '../../../../shared/domain/library';
import { useSignedUrl } from '../../api/library-signed-urls';
import { usePreviewSrc } from './use-preview-src';

/**
 * The original's delivery URL for `<video src>`: as listed for a public file; a private file's is signed
 * by the main process (the same batched path as its thumbnails), since ImageKit refuses it unsigned.
 * The player seeks with HTTP Range requests, which ImageKit (and the Local library) answer with 206.
 */
export function useVideoSrc(file: Pick<FileDetails, 'url' | 'filePath' | 'isPrivateFile'>): { src: string | undefined; signingFailed: boolean } {
  const isPrivate = file.isPrivateFile === true;
  const signed = useSignedUrl(isPrivate ? { filePath: file.filePath } : undefined);
  if (!isPrivate) return { src: file.url || undefined, signingFailed: false };
  return { src: signed.data, signingFailed: signed.isError };
}

/** What the player needs of a file: the Details object and the grid's row both have it. */
interface PlayableFile {
  name: string;
  url: string;
  filePath: string;
  fileType: string;
  mime?: string | null;
  isPrivateFile?: boolean | null;
}

interface VideoPlayerProps {
  file: PlayableFile;
  /** The `so-` of the chosen poster frame ('' = the first frame). */
  frameAt: string;
  /** The preview dialog's bigger player (the Details panel's is capped at 300 px high). */
  large?: boolean;
}

/** The Details panel's player: native controls, metadata only until played, the chosen frame as poster. */
export const VideoPlayer = forwardRef<HTMLVideoElement, VideoPlayerProps>(function VideoPlayer({ file, frameAt, large = false }, ref) {
  const { src, signingFailed } = useVideoSrc(file);
  const poster = usePreviewSrc(file, large ? 960 : 320, true, frameAt);
  if (signingFailed) return <p className="details-preview details-preview-none">Private video: could not sign a URL to play it. Check the profile’s private key in Settings.</p>;
  if (!src)
    return (
      <p className="details-preview details-preview-none" role="status">
        Loading the player…
      </p>
    );
  return (
    <div className={`details-preview details-video${large ? ' preview-video' : ''}`}>
      <video
        ref={ref}
        key={src}
        src={src}
        poster={poster.src}
        controls
        preload="metadata"
        playsInline
        aria-label={`Player for ${file.name}`}
      />
    </div>
  );
});
