import { useEffect, useRef, useState } from 'react';
import type Hls from 'hls.js';
import { useActiveProfile } from '../../api/profiles';
import { loadStreamPart } from '../../api/stream-parts';
import { ipcLoaderClass } from './hls-ipc-loader';
import { describeFailure, kbits, renditionLabel, type RenditionInfo } from './stream-playback';

/** Automatic rendition choice (hls.js's level -1). */
const AUTO = -1;

interface Playback {
  url: string;
  levels: RenditionInfo[];
  /** The rendition of the segment on screen now. */
  playing?: number;
  decoded?: { width: number; height: number };
  error?: string;
}

/** How long the main side may wait for a manifest still being packaged (it answers 503 until ready). */
const MANIFEST_WAIT_MS = 190_000;

/**
 * Plays an HLS stream in the builder with hls.js over Media Source Extensions (Chromium has no native HLS).
 * hls.js is loaded when the first stream is shown, never with the app; every manifest, playlist and segment
 * goes through the main process (see hls-ipc-loader). Says which rendition is playing and lets one be forced.
 */
export function StreamPlayer({ url, poster }: { url: string; poster?: string }) {
  const profileId = useActiveProfile()?.id;
  const videoRef = useRef<HTMLVideoElement>(null);
  const hlsRef = useRef<Hls | null>(null);
  const [state, setState] = useState<Playback>({ url, levels: [] });
  const [chosen, setChosen] = useState(AUTO);
  const [paused, setPaused] = useState(true);
  const current = state.url === url ? state : { url, levels: [] };

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let stopped = false;
    let hls: Hls | null = null;
    const update = (change: Partial<Playback>) => !stopped && setState((s) => ({ ...(s.url === url ? s : { url, levels: [] }), ...change }));
    setChosen(AUTO);
    void import('hls.js/light')
      .then(({ default: HlsPlayer }) => {
        if (stopped) return;
        if (!HlsPlayer.isSupported()) {
          update({ error: 'This window cannot play HLS: it has no Media Source Extensions with H.264. Copy the player snippet into a page instead.' });
          return;
        }
        const fetchPart = (partUrl: string, range: { rangeStart?: number; rangeEnd?: number }, signal: AbortSignal) => loadStreamPart(profileId, partUrl, range, signal);
        const manifestPolicy = {
          maxTimeToFirstByteMs: Infinity,
          maxLoadTimeMs: MANIFEST_WAIT_MS,
          timeoutRetry: null,
          errorRetry: { maxNumRetry: 1, retryDelayMs: 1000, maxRetryDelayMs: 4000 },
        };
        // No worker: it would be a blob: script, and fMP4 segments need no transmuxing anyway.
        hls = new HlsPlayer({ loader: ipcLoaderClass(fetchPart), enableWorker: false, manifestLoadPolicy: { default: manifestPolicy } });
        hlsRef.current = hls;
        let recovered = false;
        hls.on(HlsPlayer.Events.MANIFEST_PARSED, (_event, data) => {
          update({ levels: data.levels.map((l) => ({ height: l.height, width: l.width || undefined, bitrate: l.bitrate || undefined })), error: undefined });
        });
        hls.on(HlsPlayer.Events.FRAG_CHANGED, (_event, data) => update({ playing: data.frag.level }));
        hls.on(HlsPlayer.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          if (data.type === HlsPlayer.ErrorTypes.MEDIA_ERROR && !recovered) {
            recovered = true;
            hls?.recoverMediaError();
            return;
          }
          update({ error: describeFailure({ type: data.type, details: data.details, code: data.response?.code, text: data.response?.text }) });
        });
        hls.loadSource(url);
        hls.attachMedia(video);
      })
      .catch((error: unknown) => update({ error: `The stream player did not load: ${error instanceof Error ? error.message : String(error)}.` }));
    return () => {
      stopped = true;
      hls?.destroy();
      if (hlsRef.current === hls) hlsRef.current = null;
    };
  }, [url, profileId]);

  const choose = (level: number) => {
    setChosen(level);
    // currentLevel switches at once (the buffer is flushed), so the readout follows the choice quickly.
    if (hlsRef.current) hlsRef.current.currentLevel = level;
  };
  const onResize = () => {
    const v = videoRef.current;
    if (v && v.videoWidth) setState((s) => (s.url === url ? { ...s, decoded: { width: v.videoWidth, height: v.videoHeight } } : s));
  };

  const playing = current.playing !== undefined ? current.levels[current.playing] : undefined;
  const decoded = current.decoded ? ` (decoding ${current.decoded.width} × ${current.decoded.height})` : '';
  const how = chosen === AUTO ? 'chosen automatically' : 'chosen by you';
  const readout = current.error
    ? 'Stopped.'
    : playing
      ? `${paused ? 'Paused on' : 'Playing'} ${playing.height}p${decoded}${playing.bitrate ? ` · ${kbits(playing.bitrate)}` : ''} · ${how}`
      : current.levels.length
        ? `Ready: ${current.levels.length} rendition${current.levels.length === 1 ? '' : 's'}; press play.`
        : 'Loading the stream…';

  return (
    <>
      <div className="ub-video-frame">
        <video ref={videoRef} className="ub-video" poster={poster} controls playsInline preload="auto" aria-label="Stream player" onResize={onResize} onPlay={() => setPaused(false)} onPause={() => setPaused(true)} />
      </div>
      <div className="ub-stream-playback">
        <p role="status" aria-label="Stream playback" className="ub-stats">
          {readout}
        </p>
        <label className="ub-row">
          Play rendition
          <select value={chosen} onChange={(e) => choose(Number(e.target.value))} disabled={current.levels.length === 0}>
            <option value={AUTO}>Auto (adapts to the connection)</option>
            {current.levels.map((l, i) => (
              <option key={i} value={i}>
                {renditionLabel(l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {current.error && (
        <p role="alert" className="ub-error">
          {current.error}
        </p>
      )}
    </>
  );
}
