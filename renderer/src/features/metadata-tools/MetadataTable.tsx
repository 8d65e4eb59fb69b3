import type { FileMetadataView } from '../../../../shared/domain/purge';
import { codecWords, formatBitRate, formatDuration } from '../../../../shared/video/video-facts';

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A video's rows: ffprobe's fields in the words players use, the raw value kept in brackets. */
function videoRows(metadata: FileMetadataView): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (metadata.duration !== null) rows.push(['Duration', `${formatDuration(metadata.duration)} (${metadata.duration} s)`]);
  if (metadata.bitRate !== null) rows.push(['Bit rate', `${formatBitRate(metadata.bitRate)} (${metadata.bitRate.toLocaleString()} bit/s)`]);
  if (metadata.videoCodec) rows.push(['Video codec', withId(metadata.videoCodec)]);
  rows.push(['Audio codec', metadata.audioCodec ? withId(metadata.audioCodec) : 'None (silent)']);
  return rows;
}

const withId = (codec: string) => (codecWords(codec) === codec ? codec : `${codecWords(codec)} (${codec})`);

/**
 * One Metadata API answer as a definition table, EXIF groups below it. A video (ImageKit answers with
 * duration and codecs) shows those instead of the image-only rows, which are always empty for it.
 */
export function MetadataTable({ metadata, label }: { metadata: FileMetadataView; label: string }) {
  const isVideo = metadata.duration !== null || metadata.videoCodec !== null;
  const rows: Array<[string, string]> = [
    ['Dimensions', metadata.width !== null && metadata.height !== null ? `${metadata.width} × ${metadata.height}` : '—'],
    ['Format', show(metadata.format)],
    ['Size', metadata.size === null ? '—' : `${metadata.size.toLocaleString()} bytes`],
  ];
  if (isVideo) rows.push(...videoRows(metadata));
  else
    rows.push(
      ['Quality', show(metadata.quality)],
      ['Density', metadata.density === null ? '—' : `${metadata.density} DPI`],
      ['Colour profile', yesNo(metadata.hasColorProfile)],
      ['Transparency', yesNo(metadata.hasTransparency)],
      ['pHash', show(metadata.pHash)],
    );
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
