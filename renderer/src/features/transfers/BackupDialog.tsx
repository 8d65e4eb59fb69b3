import { useId, useState } from 'react';
import { FolderDown, HardDriveDownload } from 'lucide-react';
import { useActiveProfile } from '../../api/profiles';
import { backupsAsZip, useStartBackup } from '../../api/transfers';
import { describeError } from '../../api/errors';
import { Button } from '../../ui/controls/Button';
import { Dialog } from '../../ui/dialog/Dialog';
import { toast } from '../../ui/toast/toast-store';
import { useTransfersUi } from './transfers-store';

/** "folder trip" / "the library", for titles and messages. */
export const folderWords = (folderPath: string) => (folderPath === '/' ? 'the library' : `folder ${folderPath.split('/').pop()}`);

/**
 * "Back up folder…": the originals of a folder tree with a manifest of their fields (tags, custom
 * metadata, description, coordinates, private and published flags), so "Restore from backup…" puts
 * them back. The desktop app writes into a folder chosen in its dialog; the browser downloads a .zip.
 */
export function BackupDialog({ folderPath, onClose }: { folderPath: string; onClose(): void }) {
  const active = useActiveProfile();
  const [profileId] = useState(() => active?.id ?? '');
  const [versions, setVersions] = useState(false);
  const asZip = backupsAsZip();
  const start = useStartBackup();
  const { setExpanded } = useTransfersUi();
  const hintId = useId();
  const what = folderWords(folderPath);

  const run = () =>
    start.mutate(
      { profileId, path: folderPath, versions },
      {
        onSuccess: (backup) => {
          if (!backup) return; // the folder dialog was cancelled: stay here
          setExpanded(true);
          toast(asZip ? `Backing up ${what} as ${backup.destination}: follow it in Transfers.` : `Backing up ${what} into ${backup.destination}: follow it in Transfers.`, { channel: 'library', tone: 'ok' });
          onClose();
        },
      },
    );

  return (
    <Dialog title={`Back up ${what}`} subtitle={`From ${active?.name ?? 'this profile'}: ${folderPath}`} onClose={onClose}>
      <form
        className="transfer-form"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <p className="transfer-note">
          Saves every file’s original at its place in the folder tree, with <code>mediadesk-manifest.json</code> listing each file’s tags, custom metadata,
          description, custom coordinates and private and published flags. <strong>Restore from backup…</strong> puts them back, in this profile or another.
        </p>
        <p className="transfer-hint" id={hintId}>
          {asZip
            ? 'Your browser downloads it as one .zip file; keep the file as it is to restore from it.'
            : 'Choose a folder next: the backup goes into a new folder inside it. Running it again into the same folder only downloads what changed.'}
        </p>
        <label className="transfer-check">
          <input type="checkbox" checked={versions} onChange={(e) => setVersions(e.target.checked)} />
          <span>Include older versions</span>
          <span className="transfer-hint">each with its own fields, restored in order</span>
        </label>
        {start.isError && (
          <p role="alert" className="transfer-error">
            Could not start the backup; nothing was saved. {describeError(start.error)}
          </p>
        )}
        <div className="transfer-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" icon={asZip ? <HardDriveDownload /> : <FolderDown />} aria-describedby={hintId} disabled={!profileId || start.isPending}>
            {start.isPending ? 'Reading the folder…' : asZip ? 'Download backup (.zip)' : 'Choose folder and back up…'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
