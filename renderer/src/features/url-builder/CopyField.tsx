import { useId, type ReactNode } from 'react';

export interface CopyFieldProps {
  label: string;
  value: string;
  onCopy(): void;
  /** Shown beside the copy button (e.g. the signed-URL check). */
  aside?: ReactNode;
}

/** One output: the text in a read-only box and its "Copy …" button. */
export function CopyField({ label, value, onCopy, aside }: CopyFieldProps) {
  const id = useId();
  return (
    <div className="ub-output">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={Math.min(8, Math.max(1, value.split('\n').length))} value={value} />
      <div className="ub-output-tools">
        <button type="button" disabled={!value} onClick={onCopy}>
          Copy {label}
        </button>
        {aside}
      </div>
    </div>
  );
}
