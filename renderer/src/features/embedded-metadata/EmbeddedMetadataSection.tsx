import type { DetailsSectionProps } from '../../ui/details-sections';
import { useEmbeddedMetadata } from '../../api/editing';
import './embedded-metadata.css';
import { describeError } from '../../api/errors';

/** EXIF, IPTC and XMP as readable groups (each collapsible), from ImageKit's metadata API. */
export function EmbeddedMetadataSection({ file }: DetailsSectionProps) {
  const groups = useEmbeddedMetadata(file.fileId);
  return (
    <section className="details-section embedded-metadata" aria-label="Embedded metadata">
      <h3>Embedded metadata</h3>
      {groups.isPending && <p className="muted">Reading embedded metadata…</p>}
      {groups.isError && <p role="alert">{describeError(groups.error)}</p>}
      {groups.data?.length === 0 && <p className="muted">This file carries no embedded metadata.</p>}
      {groups.data?.map((group, i) => (
        <details key={group.name} open={i < 2}>
          <summary>
            {group.name} ({group.entries.length})
          </summary>
          <dl aria-label={group.name} className="metadata-list">
            {group.entries.map((e) => (
              <div key={e.key}>
                <dt>{e.key}</dt>
                <dd>{e.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </section>
  );
}
