import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import { FieldInput } from './FieldInput';
import { TAGS_COLUMN } from './bulk-edits';
import { encodeValue, formatTags } from './value-codec';

interface Props {
  file: FileDetails;
  fields: CustomMetadataFieldDef[];
  /** Where the row sits among all rows (the grid is virtualized: only rows in view are rendered). */
  index: number;
  /** What the person typed in this row, by column; absent cells show the file's value. */
  typed: Record<string, string> | undefined;
  errors: Record<string, string> | undefined;
  setCell(fileId: string, column: string, text: string): void;
  measure(node: HTMLTableRowElement | null): void;
}

/** One file of the bulk editor: its name, its tags and one cell per custom metadata field. */
export function BulkRow({ file, fields, index, typed, errors, setCell, measure }: Props) {
  return (
    <tr role="row" data-index={index} aria-rowindex={index + 2} ref={measure}>
      <th role="rowheader" scope="row" title={file.filePath}>
        {file.name}
      </th>
      <td role="gridcell">
        <input
          type="text"
          aria-label={`${file.name} Tags`}
          value={typed?.[TAGS_COLUMN] ?? formatTags(file.tags)}
          onChange={(e) => setCell(file.fileId, TAGS_COLUMN, e.target.value)}
        />
      </td>
      {fields.map((f) => (
        <td role="gridcell" key={f.id} className={errors?.[f.name] ? 'invalid' : undefined}>
          <FieldInput
            compact
            field={f}
            label={`${file.name} ${f.label}`}
            text={typed?.[f.name] ?? encodeValue(file.customMetadata?.[f.name])}
            error={errors?.[f.name]}
            onChange={(text) => setCell(file.fileId, f.name, text)}
          />
        </td>
      ))}
    </tr>
  );
}
