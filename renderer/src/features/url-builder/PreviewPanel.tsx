import type { UrlPreview } from '../../../../shared/domain/urls';
import { describeError } from '../../api/errors';
import { useActiveProfile } from '../../api/profiles';
import { formatBytes } from '../../app/format-bytes';
import { CompareView } from './CompareView';
import type { BuilderMode } from './video-draft';
import { StreamPreview } from './StreamPreview';
import { VideoPreview } from './VideoPreview';

export interface PreviewPanelProps {
  preview: UrlPreview | undefined;
  /** A request for the newest draft is on its way (the previous preview stays visible meanwhile). */
  pending: boolean;
  error: unknown;
  hasSrc: boolean;
  /** Image (and video thumbnail) results are compared with the original; a video plays; a stream lists its renditions. */
  mode?: BuilderMode;
  /** The video's poster (ik-thumbnail.jpg with what a thumbnail takes of the chain). */
  poster?: string;
  /** Rendition heights asked for (stream mode). */
  renditions?: number[];
}

/**
 * The rendered result from the active profile with the original (swiped or side by side), its
 * dimensions, bytes, format and render time, or why it was not rendered.
 */
export function PreviewPanel({ preview, pending, error, hasSrc, mode = 'image', poster, renditions = [] }: PreviewPanelProps) {
  const probe = preview?.probe;
  const local = useActiveProfile()?.kind === 'local';

  let body;
  if (!hasSrc) {
    body = <p className="ub-note">Choose a file or enter a path to see a preview.</p>;
  } else if (error) {
    body = <p role="alert" className="ub-error">{describeError(error)}</p>;
  } else if (preview && preview.built.problems.length > 0) {
    body = (
      <div role="alert" className="ub-error">
        <p>Not requested: fix these first.</p>
        <ul aria-label="Problems">
          {preview.built.problems.map((p, i) => (
            <li key={i}>{p.step !== undefined ? `Step ${p.step + 1}: ${p.message}` : p.message}</li>
          ))}
        </ul>
      </div>
    );
  } else if (probe && !probe.ok) {
    body = (
      <p role="alert" className="ub-error">
        The server did not render it (HTTP {probe.status}): {probe.error}
      </p>
    );
  } else if (probe && mode === 'video') {
    body = <VideoPreview probe={probe} poster={poster} />;
  } else if (probe && mode === 'stream') {
    body = <StreamPreview probe={probe} poster={poster} asked={renditions} />;
  } else if (probe) {
    body = (
      <>
        <CompareView originalUrl={preview.originalUrl} resultUrl={probe.url} />
        <p role="status" aria-label="Preview details" className="ub-stats">
          {probe.width ?? '?'} × {probe.height ?? '?'} px · {probe.bytes !== undefined ? formatBytes(probe.bytes) : '?'} · {(probe.format ?? '?').toUpperCase()} · rendered in{' '}
          {Math.round(probe.renderMs)} ms{probe.cache ? ` (cache ${probe.cache.toLowerCase()})` : ''}
        </p>
      </>
    );
  } else {
    body = <p className="ub-note">{mode === 'video' || mode === 'stream' ? 'Rendering… (a video transformation can take a while; the preview waits for it)' : 'Rendering…'}</p>;
  }

  return (
    <section className="ub-preview" aria-label="Preview" aria-busy={pending}>
      <h3>Preview {pending && <span className="ub-note">(updating…)</span>}</h3>
      {body}
      {local && preview && preview.built.approximated.length > 0 && (
        <p className="ub-note">The Local library accepts but cannot render these offline (AI, video): {preview.built.approximated.join(', ')}</p>
      )}
    </section>
  );
}
