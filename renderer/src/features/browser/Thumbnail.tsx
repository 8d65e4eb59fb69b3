import { useState } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { thumbnailUrl, typeBadge } from './format';

/**
 * A lazily loaded thumbnail through a transformation URL sized for this screen's pixel ratio. Files
 * without a preview (non-images, private files, a rendition that failed) show their type instead.
 */
export function Thumbnail({ file, size }: { file: FileSummary; size: number }) {
  const [failed, setFailed] = useState(false);
  const previewable = file.fileType === 'image' && !file.isPrivateFile && !failed && file.url;
  if (!previewable) {
    return (
      <span className="thumb thumb-placeholder" style={{ width: size, height: size }} aria-hidden="true">
        <span className="thumb-badge">{file.isPrivateFile ? 'PRIVATE' : typeBadge(file.name)}</span>
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
