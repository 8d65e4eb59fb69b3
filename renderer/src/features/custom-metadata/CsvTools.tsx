import { useRef, useState } from 'react';
import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import { useUpdateFiles } from '../../api/editing';
import { describeError } from '../../api/errors';
import { exportCsv, planCsvImport, type CsvPlan } from './csv';

interface Props {
  files: FileDetails[];
  fields: CustomMetadataFieldDef[];
  onApplied(message: string): void;
}

/** Downloads text as a file (works the same in the web host and in Electron's window). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV export of the rows, and import with a validation report shown before anything is written. */
export function CsvTools({ files, fields, onApplied }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [plan, setPlan] = useState<(CsvPlan & { fileName: string }) | null>(null);
  const apply = useUpdateFiles();

  const read = async (file: File) => {
    apply.reset();
    setPlan({ ...planCsvImport(await file.text(), files, fields), fileName: file.name });
  };

  const confirm = () =>
    plan &&
    apply.mutate(
      plan.edits.map(({ fileId, edit }) => ({ fileId, edit })),
      {
        onSuccess: (o) => {
          setPlan(null);
          onApplied(`Imported ${o.succeeded.length} ${o.succeeded.length === 1 ? 'file' : 'files'} from CSV.${o.failed.length ? ` ${o.failed.length} failed: ${o.failed[0]!.message}` : ''}`);
        },
      },
    );

  return (
    <div className="csv-tools">
      <button type="button" onClick={() => download('metadata.csv', exportCsv(files, fields))}>
        Export CSV
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import CSV…
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file to import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      {plan && (
        <section role="region" aria-label="CSV import report" className="csv-report">
          <h3>Import {plan.fileName}: check before writing</h3>
          <p>
            {plan.rows} rows read. {plan.edits.length} {plan.edits.length === 1 ? 'file' : 'files'} would change
            {plan.edits.length ? ` (${plan.edits.reduce((n, e) => n + e.changed.length, 0)} values)` : ''}.{' '}
            {plan.problems.length === 0 ? 'No problems found.' : `${plan.problems.length} ${plan.problems.length === 1 ? 'problem' : 'problems'}: nothing will be written until the file is fixed.`}
          </p>
          {plan.ignoredColumns.length > 0 && <p>Ignored columns (not a field of this library): {plan.ignoredColumns.join(', ')}.</p>}
          {plan.problems.length > 0 && (
            <ul aria-label="Problems">
              {plan.problems.map((p, i) => (
                <li key={i}>
                  Line {p.line}
                  {p.column ? `, ${p.column}` : ''}: {p.message}
                </li>
              ))}
            </ul>
          )}
          {plan.edits.length > 0 && (
            <ul aria-label="Changes">
              {plan.edits.map((e) => (
                <li key={e.fileId}>
                  {e.filePath}: {e.changed.join(', ')}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" disabled={plan.problems.length > 0 || plan.edits.length === 0 || apply.isPending} onClick={confirm}>
            Write changes
          </button>
          <button type="button" onClick={() => setPlan(null)}>
            Cancel import
          </button>
          {apply.isError && <p role="alert">{describeError(apply.error)}</p>}
        </section>
      )}
    </div>
  );
}
