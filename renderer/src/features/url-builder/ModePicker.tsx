import { isVideoPath } from '../../../../shared/transformations/video-urls';
import { useUrlBuilderStore } from './builder-store';
import { MODE_LABELS, type BuilderMode } from './video-draft';

const MODES: BuilderMode[] = ['image', 'video', 'thumbnail', 'stream'];

const HINTS: Record<BuilderMode, string> = {
  image: 'Image transformations, overlays and effects.',
  video: 'Resize, trim (so, eo, du), format and codecs, and layers with timing; previewed in a player.',
  thumbnail: 'A frame of the video (ik-thumbnail.jpg) at so, resized like an image.',
  stream: 'HLS (ik-master.m3u8) or DASH (ik-master.mpd) with the renditions you pick, and a player snippet.',
};

/** What the URL is for: an image, or a video, its thumbnail or its adaptive stream. A video source opens in Video. */
export function ModePicker() {
  const mode = useUrlBuilderStore((s) => s.mode);
  const src = useUrlBuilderStore((s) => s.src);
  const setMode = useUrlBuilderStore((s) => s.setMode);
  const videoMode = mode !== 'image';
  const looksLikeImage = videoMode && src.trim() !== '' && /\.[a-z0-9]+$/i.test(src.split(/[?#]/)[0]) && !isVideoPath(src);

  return (
    <fieldset className="ub-mode">
      <legend>Build a URL for</legend>
      <div className="ub-mode-options">
        {MODES.map((m) => (
          <label key={m} className={m === mode ? 'ub-mode-chosen' : undefined}>
            <input type="radio" name="ub-mode" value={m} checked={m === mode} onChange={() => setMode(m)} />
            {MODE_LABELS[m]}
          </label>
        ))}
      </div>
      <p className="ub-note">{HINTS[mode]}</p>
      {looksLikeImage && <p className="ub-error">This source does not look like a video; ImageKit makes video outputs from mp4, webm, mov, mkv and other video files.</p>}
    </fieldset>
  );
}
