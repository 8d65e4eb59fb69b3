import type { UrlProbe } from '../../../../shared/domain/urls';
import { formatBytes } from '../../app/format-bytes';
import { useUrlBuilderStore } from './builder-store';
import { StreamPlayer } from './StreamPlayer';
import { renditionLabel } from './stream-playback';

/**
 * An adaptive stream: an HLS stream plays here (hls.js, loaded on first use); a DASH manifest shows its
 * poster. Below, the renditions the manifest lists against the ones asked for.
 */
export function StreamPreview({ probe, poster, asked }: { probe: UrlProbe; poster?: string; asked: number[] }) {
  const listed = probe.renditions ?? [];
  const missing = asked.filter((h) => !listed.some((r) => r.height === h));
  const protocol = probe.format === 'dash' ? 'DASH' : 'HLS';
  const setProtocol = useUrlBuilderStore((s) => s.setProtocol);
  return (
    <>
      {protocol === 'HLS' ? (
        <StreamPlayer url={probe.url} poster={poster} />
      ) : (
        poster && (
          <div className="ub-video-frame">
            <img className="ub-video" src={poster} alt="Stream poster" />
          </div>
        )
      )}
      <p role="status" aria-label="Preview details" className="ub-stats">
        {protocol} manifest · {listed.length} rendition{listed.length === 1 ? '' : 's'} · {probe.bytes !== undefined ? formatBytes(probe.bytes) : '?'} · ready in{' '}
        {Math.round(probe.renderMs)} ms{probe.cache ? ` (cache ${probe.cache.toLowerCase()})` : ''}
      </p>
      <ul aria-label="Renditions in the manifest" className="ub-rendition-list">
        {listed.map((r) => (
          <li key={`${r.width}x${r.height}`}>{renditionLabel({ height: r.height, width: r.width, bitrate: r.bandwidth })}</li>
        ))}
      </ul>
      {missing.length > 0 && <p className="ub-error">Asked for but not in the manifest: {missing.map((h) => `${h}p`).join(', ')}.</p>}
      {protocol === 'DASH' && (
        <p className="ub-note">
          The preview plays HLS; the DASH manifest is for Video.js or Shaka Player, as in the player snippet.{' '}
          <button type="button" onClick={() => setProtocol('hls')}>
            Watch it as HLS
          </button>
        </p>
      )}
    </>
  );
}
