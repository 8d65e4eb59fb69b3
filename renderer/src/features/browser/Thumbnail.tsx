import { useEffect, useState } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { thumbnailUrl, typeBadge } from './format';

/** A tile must stay in view this long before its thumbnail is requested (see below). */
export const THUMBNAIL_SETTLE_MS = 120;

/**
 * A lazily loaded thumbnail through a transformation URL sized for this screen's pixel ratio. Files
 * without a preview (non-images, private files, a rendition that failed) show their type instead.
 * The request starts only once the tile has stayed mounted briefly: a fast scroll through 100,000
 * files passes thousands of tiles nobody looks at, and each would cost a rendition on the server.
 */
export function Thumbnail({ file, size }: { file: FileSummary; size: number }) {
  const [failed, setFailed] = useState(false);
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), THUMBNAIL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  const previewable = file.fileType === 'image' && !file.isPrivateFile && !failed && file.url;
  if (!previewable || !settled) {
    return (
      <span className="thumb thumb-placeholder" style={{ width: size, height: size }} aria-hidden="true">
        {!previewable && <span className="thumb-badge">{file.isPrivateFile ? 'PRIVATE' : typeBadge(file.name)}</span>}
      </span>
    );
  }
  return (
    <img
      className="thumb"
      src={thumbnailUrl(file.url, size, window.devicePixelRatio || 1)}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(true)}
    />
  );
}
