import { useEffect, useState } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { typeBadge } from './format';
import { hasPreview, usePreviewSrc } from './use-preview-src';

/** A tile must stay in view this long before its thumbnail is requested (see below). */
export const THUMBNAIL_SETTLE_MS = 120;

/**
 * A lazily loaded thumbnail through a transformation URL sized for this screen's pixel ratio; a
 * private file's URL is signed by the main process first (tiles settling together share one call).
 * A video shows the frame ImageKit serves as its `ik-thumbnail.jpg`, through the same resize. Files
 * without a preview (documents, a rendition or signature that failed) show their type instead.
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
  const previewable = hasPreview(file) && !failed;
  const { src, signingFailed } = usePreviewSrc(file, size, previewable && settled);
  const showsBadge = !previewable || signingFailed;
  if (showsBadge || !src) {
    return (
      <span className="thumb thumb-placeholder" style={{ width: size, height: size }} aria-hidden="true">
        {showsBadge && <span className="thumb-badge">{file.isPrivateFile ? 'PRIVATE' : typeBadge(file.name)}</span>}
      </span>
    );
  }
  return (
    <img
      className="thumb"
      src={src}
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
