import { STREAMING_RESOLUTIONS } from '../../../../shared/transformations/catalog';
import { normaliseRenditions } from '../../../../shared/transformations/video-urls';
import { useUrlBuilderStore } from './builder-store';

/** Adaptive stream: the protocol and the renditions (`sr-`) every player will choose between. */
export function StreamSettings() {
  const { protocol, renditions, setProtocol, setRenditions } = useUrlBuilderStore();
  const toggle = (height: number, on: boolean) => setRenditions(normaliseRenditions(on ? [...renditions, height] : renditions.filter((h) => h !== height)));

  return (
    <fieldset className="ub-stream">
      <legend>Adaptive stream</legend>
      <div role="radiogroup" aria-label="Protocol" className="ub-row">
        <label>
          <input type="radio" name="ub-protocol" checked={protocol === 'hls'} onChange={() => setProtocol('hls')} /> HLS (ik-master.m3u8)
        </label>
        <label>
          <input type="radio" name="ub-protocol" checked={protocol === 'dash'} onChange={() => setProtocol('dash')} /> DASH (ik-master.mpd)
        </label>
      </div>
      <div role="group" aria-label="Renditions" className="ub-renditions">
        {STREAMING_RESOLUTIONS.map((height) => (
          <label key={height}>
            <input type="checkbox" checked={renditions.includes(Number(height))} onChange={(e) => toggle(Number(height), e.target.checked)} />
            {height}p
          </label>
        ))}
      </div>
      {renditions.length === 0 ? (
        <p className="ub-error">Pick at least one rendition: a stream needs sr- with its heights.</p>
      ) : (
        <p className="ub-note">
          Renditions by height; each keeps the video&apos;s shape. Format, codecs and quality are chosen by the stream (H.264 with AAC), so they
          are not offered in the steps.
        </p>
      )}
    </fieldset>
  );
}
