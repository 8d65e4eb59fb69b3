import type { FileMetadataView } from '../../../../shared/domain/purge';

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** One Metadata API answer as a definition table, EXIF groups below it. */
export function MetadataTable({ metadata, label }: { metadata: FileMetadataView; label: string }) {
  const rows: Array<[string, string]> = [
    ['Dimensions', metadata.width !== null && metadata.height !== null ? `${metadata.width} × ${metadata.height}` : '—'],
    ['Format', show(metadata.format)],
    ['Size', metadata.size === null ? '—' : `${metadata.size.toLocaleString()} bytes`],
    ['Quality', show(metadata.quality)],
    ['Density', metadata.density === null ? '—' : `${metadata.density} DPI`],
    ['Colour profile', yesNo(metadata.hasColorProfile)],
    ['Transparency', yesNo(metadata.hasTransparency)],
    ['pHash', show(metadata.pHash)],
  ];
  if (metadata.duration !== null) rows.push(['Duration', `${metadata.duration} s`]);
  if (metadata.videoCodec) rows.push(['Video codec', metadata.videoCodec]);
  if (metadata.audioCodec) rows.push(['Audio codec', metadata.audioCodec]);
  const groups = Object.entries(metadata.exif);
  return (
    <div className="metadata-result">
      <table aria-label={label}>
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length === 0 ? (
        <p className="muted">No EXIF data.</p>
      ) : (
        groups.map(([group, fields]) => (
          <details key={group}>
            <summary>EXIF: {group}</summary>
            <table aria-label={`EXIF ${group}`}>
              <tbody>
                {Object.entries(fields).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{show(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))
      )}
    </div>
  );
}
