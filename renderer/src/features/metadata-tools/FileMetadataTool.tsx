import { useId, useState } from 'react';
import { useFileMetadata, useUrlMetadata } from '../../api/purge';
import { describeError } from '../../api/errors';
import { MetadataTable } from './MetadataTable';

/** Full metadata of a stored file, by its path. */
export function FileMetadataTool() {
  const [path, setPath] = useState('');
  const lookup = useFileMetadata();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="metadata-section">
      <h2 id={`${id}-h`}>File metadata</h2>
      <form
        aria-label="File metadata"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) lookup.mutate(path.trim());
        }}
      >
        <label htmlFor={`${id}-path`}>File path</label>
        <input id={`${id}-path`} value={path} placeholder="/folder/file.jpg" onChange={(e) => setPath(e.target.value)} />
        <button type="submit" disabled={!path.trim() || lookup.isPending}>
          Show metadata
        </button>
      </form>
      {lookup.isError && <p role="alert">{describeError(lookup.error)}</p>}
      {lookup.data && <MetadataTable metadata={lookup.data} label={`Metadata of ${lookup.data.source}`} />}
    </section>
  );
}

/** Metadata of a delivery URL: the original without a transformation, the rendered output with one. */
export function UrlMetadataTool() {
  const [url, setUrl] = useState('');
  const lookup = useUrlMetadata();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="metadata-section">
      <h2 id={`${id}-h`}>Look up a URL</h2>
      <form
        aria-label="Look up a URL"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) lookup.mutate(url.trim());
        }}
      >
        <label htmlFor={`${id}-url`}>Delivery URL</label>
        <input id={`${id}-url`} value={url} placeholder="https://ik.imagekit.io/your_id/tr:w-300/file.jpg" onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" disabled={!url.trim() || lookup.isPending}>
          Look up
        </button>
      </form>
      {lookup.isError && <p role="alert">{describeError(lookup.error)}</p>}
      {lookup.data && <MetadataTable metadata={lookup.data} label="Metadata of the URL" />}
    </section>
  );
}
