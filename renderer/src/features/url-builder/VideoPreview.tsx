import { useState, type SyntheticEvent } from 'react';
import type { UrlProbe } from '../../../../shared/domain/urls';
import { formatBytes } from '../../app/format-bytes';

interface Loaded {
  url: string;
  width: number;
  height: number;
  duration: number;
}

const MEDIA_ERRORS: Record<number, string> = {
  1: 'loading was stopped',
  2: 'a network error stopped it',
  3: 'the browser could not decode it',
  4: 'the browser cannot play this format or codec (try f-webm or f-mp4 with vc-h264)',
};

function seconds(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100) / 100} s` : '? s';
}

/**
 * The rendered video in a player, with the poster ImageKit would show first; its size and duration come
 * from the player (what a visitor's browser decodes), bytes and render time from the request.
 */
export function VideoPreview({ probe, poster }: { probe: UrlProbe; poster?: string }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [failed, setFailed] = useState<{ url: string; message: string }>();
  const current = loaded?.url === probe.url ? loaded : undefined;
  const failure = failed?.url === probe.url ? failed.message : undefined;

  const onMetadata = (e: SyntheticEvent<HTMLVideoElement>) => {
    const v = e.currentTarget;
    setLoaded({ url: probe.url, width: v.videoWidth, height: v.videoHeight, duration: v.duration });
  };
  const onError = (e: SyntheticEvent<HTMLVideoElement>) => {
    const code = e.currentTarget.error?.code ?? 0;
    setFailed({ url: probe.url, message: MEDIA_ERRORS[code] ?? 'it did not load' });
  };

  const size = current ? `${current.width} × ${current.height} px · ${seconds(current.duration)}` : 'loading the player…';
  return (
    <>
      <div className="ub-video-frame">
        <video className="ub-video" src={probe.url} poster={poster} controls preload="auto" playsInline aria-label="Preview video" onLoadedMetadata={onMetadata} onError={onError} />
      </div>
      {failure && (
        <p role="alert" className="ub-error">
          The video was rendered, but {failure}.
        </p>
      )}
      <p role="status" aria-label="Preview details" className="ub-stats">
        {size} · {probe.bytes !== undefined ? formatBytes(probe.bytes) : '?'} · {(probe.format ?? '?').toUpperCase()} · rendered in {Math.round(probe.renderMs)} ms
        {probe.cache ? ` (cache ${probe.cache.toLowerCase()})` : ''}
      </p>
    </>
  );
}
