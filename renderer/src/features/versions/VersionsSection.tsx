import { useState } from 'react';
import type { VersionEntry } from '../../../../shared/domain/editing';
import type { DetailsSectionProps } from '../../ui/details-sections';
import { formatBytes } from '../../app/format-bytes';
import { formatDate } from '../../ui/format-date';
import { useDeleteVersion, useRestoreVersion, useVersions } from '../../api/editing';
import { describeError } from '../../api/errors';
import { VersionCompare } from './VersionCompare';
import { RestoreOutcome, type Restored } from './RestoreOutcome';
import './versions.css';

function dimensions(v: VersionEntry): string {
  const { width, height } = v.details;
  return width && height ? `${width} × ${height}` : '—';
}

/** Older first, so the comparison reads "before ↔ after". */
function orderPair(versions: VersionEntry[], ids: string[]): [VersionEntry, VersionEntry] | null {
  const chosen = versions.filter((v) => ids.includes(v.versionId));
  return chosen.length === 2 ? [chosen[1]!, chosen[0]!] : null;
}

/** The file's version history: preview, compare two, restore (then offer a purge), delete older ones. */
export function VersionsSection({ file }: DetailsSectionProps) {
  const versions = useVersions(file.fileId);
  const restore = useRestoreVersion();
  const remove = useDeleteVersion();
  const [preview, setPreview] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState<VersionEntry | null>(null);
  const [confirmRestore, setConfirmRestore] = useState<VersionEntry | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [error, setError] = useState<string | null>(null);

  const list = versions.data ?? [];
  const pair = orderPair(list, compare);
  const previewed = list.find((v) => v.versionId === preview);

  const toggleCompare = (id: string) =>
    setCompare((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-2)));

  const doRestore = (v: VersionEntry) => {
    setError(null);
    restore.mutate(
      { fileId: file.fileId, versionId: v.versionId },
      {
        onSuccess: (answer) => {
          setConfirmRestore(null);
          setRestored({ versionName: v.versionName, ...answer });
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  };

  const doDelete = (v: VersionEntry) => {
    setError(null);
    remove.mutate(
      { fileId: file.fileId, versionId: v.versionId },
      {
        onSuccess: () => {
          setConfirmDelete(null);
          setCompare((now) => now.filter((x) => x !== v.versionId));
          if (preview === v.versionId) setPreview(null);
        },
        onError: (e) => setError(describeError(e)),
      },
    );
  };

  return (
    <section className="details-section versions-section" role="region" aria-label="Versions">
      <h3>Versions</h3>
      {versions.isPending && <p className="muted">Loading versions…</p>}
      {versions.isError && <p role="alert">{describeError(versions.error)}</p>}
      {list.length > 0 && (
        <table className="versions-table" aria-label="Version history">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Size</th>
              <th scope="col">Dimensions</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.versionId} aria-current={v.isCurrent ? 'true' : undefined}>
                <th scope="row">
                  {v.versionName}
                  {v.isCurrent && <span className="badge"> (current)</span>}
                </th>
                <td>{formatDate(v.details.updatedAt)}</td>
                <td>{formatBytes(v.details.size)}</td>
                <td>{dimensions(v)}</td>
                <td className="version-actions">
                  <button type="button" aria-pressed={preview === v.versionId} onClick={() => setPreview(preview === v.versionId ? null : v.versionId)}>
                    Preview <span className="sr-only">{v.versionName}</span>
                  </button>
                  <label>
                    <input type="checkbox" checked={compare.includes(v.versionId)} onChange={() => toggleCompare(v.versionId)} />
                    Compare <span className="sr-only">{v.versionName}</span>
                  </label>
                  {!v.isCurrent && (
                    <>
                      <button type="button" disabled={restore.isPending} onClick={() => setConfirmRestore(v)}>
                        Restore <span className="sr-only">{v.versionName}</span>
                      </button>
                      <button type="button" className="danger" onClick={() => setConfirmDelete(v)}>
                        Delete <span className="sr-only">{v.versionName}</span>
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length === 1 && <p className="muted">This file has only one version. Upload a file with the same name to add one.</p>}
      {confirmDelete && (
        <div role="alertdialog" aria-label={`Delete ${confirmDelete.versionName}`} className="inline-confirm">
          <p>
            Delete {confirmDelete.versionName} ({formatBytes(confirmDelete.details.size)})? Its URL stops serving it. This cannot be undone.
          </p>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => doDelete(confirmDelete)}>
            Delete version
          </button>
          <button type="button" onClick={() => setConfirmDelete(null)}>
            Cancel
          </button>
        </div>
      )}
      {confirmRestore && (
        <div role="alertdialog" aria-label={`Restore ${confirmRestore.versionName}`} className="inline-confirm">
          <p>
            Make {confirmRestore.versionName} ({formatBytes(confirmRestore.details.size)}) the current version? The file’s URL then serves it, and the
            version current now stays in the history.
          </p>
          <button type="button" className="primary" disabled={restore.isPending} onClick={() => doRestore(confirmRestore)}>
            Restore version
          </button>
          <button type="button" onClick={() => setConfirmRestore(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {restored && <RestoreOutcome restored={restored} onDone={() => setRestored(null)} />}
      {previewed && (
        <figure className="version-preview">
          <img src={previewed.previewUrl} alt={`${previewed.versionName} preview`} />
          <figcaption>
            {previewed.versionName}: <a href={previewed.previewUrl}>{previewed.previewUrl}</a>
          </figcaption>
        </figure>
      )}
      {compare.length === 1 && <p className="muted">Choose one more version to compare.</p>}
      {pair && <VersionCompare key={pair.map((v) => v.versionId).join()} fileId={file.fileId} pair={pair} />}
    </section>
  );
}
