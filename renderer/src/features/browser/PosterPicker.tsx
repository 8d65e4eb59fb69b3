import { useEffect, useId, useState, type RefObject } from 'react';
import { ClipboardCopy, Code, Crosshair } from 'lucide-react';
import type { FileDetails } from '../../../../shared/domain/library';
import { formatTimestamp, posterOffset, posterTransformation, videoThumbnailPath, videoThumbnailUrl } from '../../../../shared/video/video-facts';
import { useSignedUrl } from '../../api/library-signed-urls';
import { Button } from '../../ui/controls/Button';
import { copyText } from './use-file-actions';
import { usePreviewSrc } from './use-preview-src';

/** The slider asks for a frame only once it has rested this long: each position is a render on the server. */
export const POSTER_SETTLE_MS = 300;

interface PosterPickerProps {
  file: FileDetails;
  /** The chosen frame in seconds (already an offset ImageKit accepts). */
  at: number;
  onChange(seconds: number): void;
  player: RefObject<HTMLVideoElement | null>;
}

/** The full-size frame's URL to hand out: public as is, private signed (valid for about an hour). */
function useFrameUrl(file: FileDetails, so: string): string | undefined {
  const isPrivate = file.isPrivateFile === true;
  const signed = useSignedUrl(isPrivate ? { filePath: videoThumbnailPath(file.filePath), ...(so ? { transformation: so } : {}) } : undefined);
  return isPrivate ? signed.data : videoThumbnailUrl(file.url, so);
}

/** A URL inside a double-quoted HTML attribute. */
const attr = (url: string) => url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * "Thumbnail at": picks the frame ImageKit serves as `ik-thumbnail.jpg?tr=so-<seconds>`, previews it, and
 * offers its URL (and a `<video>` tag with it as poster) to copy. The player's poster follows the choice.
 */
export function PosterPicker({ file, at, onChange, player }: PosterPickerProps) {
  const duration = file.duration ?? 0;
  const last = posterOffset(duration, duration);
  const [value, setValue] = useState(at);
  useEffect(() => setValue(at), [at]);
  useEffect(() => {
    if (value === at) return;
    const timer = setTimeout(() => onChange(value), POSTER_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value, at, onChange]);

  const so = posterTransformation(at, duration);
  const preview = usePreviewSrc(file, 160, true, so);
  const frameUrl = useFrameUrl(file, so);
  const videoUrl = useSignedUrl(file.isPrivateFile ? { filePath: file.filePath } : undefined).data ?? (file.isPrivateFile ? undefined : file.url);
  const signedNote = file.isPrivateFile ? ' (signed, valid for about an hour)' : '';
  const stamp = formatTimestamp(value);
  const headingId = useId();

  const useCurrentFrame = () => {
    const time = player.current?.currentTime;
    if (time !== undefined) {
      const next = posterOffset(time, duration);
      setValue(next);
      onChange(next);
    }
  };

  return (
    <section className="poster-picker" aria-labelledby={headingId}>
      <h3 id={headingId} className="poster-heading">
        Thumbnail frame
      </h3>
      <div className="poster-row">
        <span className="poster-frame">{preview.src ? <img src={preview.src} alt={`Thumbnail at ${formatTimestamp(at)}`} /> : <span role="status">Loading…</span>}</span>
        <div className="poster-controls">
          <label className="poster-slider">
            <span>
              Thumbnail at <output aria-hidden="true">{stamp}</output>
            </span>
            <input
              type="range"
              min={0}
              max={last}
              step={0.1}
              value={value}
              disabled={last <= 0}
              aria-label="Thumbnail at"
              aria-valuetext={stamp}
              onChange={(e) => setValue(posterOffset(Number(e.target.value), duration))}
            />
          </label>
          <Button size="sm" variant="quiet" icon={<Crosshair />} onClick={useCurrentFrame}>
            Use current frame
          </Button>
        </div>
      </div>
      <label className="poster-url">
        <span>Thumbnail URL</span>
        <input type="text" readOnly value={frameUrl ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="details-copy poster-copy">
        <Button size="sm" icon={<ClipboardCopy />} disabled={!frameUrl} onClick={() => frameUrl && void copyText(frameUrl, `the thumbnail URL${signedNote}`)}>
          Copy thumbnail URL
        </Button>
        <Button
          size="sm"
          icon={<Code />}
          disabled={!frameUrl || !videoUrl}
          onClick={() => frameUrl && videoUrl && void copyText(`<video controls preload="metadata" poster="${attr(frameUrl)}" src="${attr(videoUrl)}"></video>`, `the video HTML${signedNote}`)}
        >
          Copy video HTML
        </Button>
      </div>
    </section>
  );
}
