import { useId, useState } from 'react';
import { useFindSimilar } from '../../api/purge';
import { describeError } from '../../api/errors';

/** Ranks a folder's images by pHash distance to a chosen image (0 = same picture). */
export function SimilarityFinder() {
  const [referencePath, setReference] = useState('');
  const [folderPath, setFolder] = useState('');
  const find = useFindSimilar();
  const id = useId();
  const ready = referencePath.trim() !== '' && folderPath.trim() !== '';
  return (
    <section aria-labelledby={`${id}-h`} className="metadata-section">
      <h2 id={`${id}-h`}>Similar images</h2>
      <form
        aria-label="Find similar images"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) find.mutate({ referencePath: referencePath.trim(), folderPath: folderPath.trim() });
        }}
      >
        <label htmlFor={`${id}-ref`}>Reference image</label>
        <input
          id={`${id}-ref`}
          value={referencePath}
          placeholder="/folder/photo.jpg"
          onChange={(e) => {
            setReference(e.target.value);
            // The reference's own folder is the usual place to look.
            if (!folderPath && e.target.value.lastIndexOf('/') > 0) setFolder(e.target.value.slice(0, e.target.value.lastIndexOf('/')));
          }}
        />
        <label htmlFor={`${id}-folder`}>Folder</label>
        <input id={`${id}-folder`} value={folderPath} placeholder="/folder" onChange={(e) => setFolder(e.target.value)} />
        <button type="submit" disabled={!ready || find.isPending}>
          {find.isPending ? 'Comparing…' : 'Find similar'}
        </button>
      </form>
      {find.isError && <p role="alert">{describeError(find.error)}</p>}
      {find.data && (
        <>
          <ol className="similar-list" aria-label="Ranked by similarity">
            {find.data.ranked.map((f) => (
              <li key={f.fileId} aria-label={`${f.name}, distance ${f.distance}`}>
                {f.thumbnail && <img src={f.thumbnail} alt="" width={48} height={48} loading="lazy" />}
                <span className="similar-name">{f.filePath}</span>
                <span className="similar-distance">distance {f.distance}</span>
              </li>
            ))}
          </ol>
          {find.data.ranked.length === 0 && <p className="muted">No other images in {find.data.folderPath}.</p>}
          {find.data.skipped.length > 0 && (
            <p className="muted">
              Skipped {find.data.skipped.length}: {find.data.skipped.map((s) => `${s.filePath} (${s.reason})`).join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
