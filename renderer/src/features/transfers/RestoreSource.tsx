import { useId, useRef, useState } from 'react';
import { FileArchive, FolderOpen } from 'lucide-react';
import { backupsAsZip, openBackupFolder, uploadBackupZip, type BackupSummary } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { Button } from '../../ui/controls/Button';

/**
 * The first step of a restore: which backup. The browser sends a .zip made by "Back up folder…" to
 * MediaDesk, which unpacks and checks all of it (manifest, names, sizes, checksums) before anything
 * else; the desktop app reads a backup folder chosen in its own dialog.
 */
export function RestoreSource({ onOpened, onCancel }: { onOpened(summary: BackupSummary): void; onCancel(): void }) {
  const asZip = backupsAsZip();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [state, setState] = useState<{ busy: boolean; error: string | null; name: string | null }>({ busy: false, error: null, name: null });

  const open = async (read: () => Promise<BackupSummary | null>, name: string | null) => {
    setState({ busy: true, error: null, name });
    try {
      const summary = await read();
      setState({ busy: false, error: null, name: null });
      if (summary) onOpened(summary);
    } catch (error) {
      setState({ busy: false, error: describeError(error), name });
    }
  };

  return (
    <div className="transfer-form">
      <p className="transfer-note">
        {asZip
          ? 'Choose a backup .zip made with “Back up folder…”. MediaDesk checks the whole file first; nothing is restored until you review the plan and start it.'
          : 'Choose a backup folder made with “Back up folder…” (the folder holding mediadesk-manifest.json). Nothing is restored until you review the plan and start it.'}
      </p>
      {asZip && (
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          className="visually-hidden"
          aria-label="Backup .zip file"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(() => uploadBackupZip(file), file.name);
          }}
        />
      )}
      {state.busy && (
        <p role="status" className="transfer-hint">
          {asZip ? `Sending and checking ${state.name ?? 'the backup'}…` : 'Reading the backup’s manifest…'}
        </p>
      )}
      {state.error && (
        <p role="alert" className="transfer-error">
          {state.name ? `${state.name}: ` : ''}
          {state.error}
        </p>
      )}
      <p id={hintId} className="transfer-hint">
        Files, folders, tags, custom metadata (fields missing here are created), description, custom coordinates and private and published flags come back;
        AI tags cannot be written and are listed in the plan.
      </p>
      <div className="transfer-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="primary"
          icon={asZip ? <FileArchive /> : <FolderOpen />}
          aria-describedby={hintId}
          disabled={state.busy}
          onClick={() => (asZip ? input.current?.click() : void open(openBackupFolder, null))}
        >
          {asZip ? 'Choose backup .zip…' : 'Choose backup folder…'}
        </Button>
      </div>
    </div>
  );
}
