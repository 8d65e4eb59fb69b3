import { lazy, Suspense } from 'react';
import { useBackupEvents, useTransferEvents } from '../../api/transfers';
import { useBackupIntent, useTransferIntent } from '../../ui/transfer-intent';
import { TransfersRegion } from './TransfersRegion';
import './transfers.css';

// The dialog (options, plan table) loads the first time a transfer is asked for, not with the window.
const TransferDialog = lazy(() => import('./TransferDialog').then((m) => ({ default: m.TransferDialog })));
const BackupDialog = lazy(() => import('./BackupDialog').then((m) => ({ default: m.BackupDialog })));
const RestoreDialog = lazy(() => import('./RestoreDialog').then((m) => ({ default: m.RestoreDialog })));

/**
 * Always mounted in the frame: the transfer and backup pushes, the "Copy/Move to profile…", "Back up
 * folder…" and "Restore from backup…" dialogs when asked, and the Transfers drawer.
 */
export function TransfersOverlay() {
  useTransferEvents();
  useBackupEvents();
  const intent = useTransferIntent((s) => s.intent);
  const clear = useTransferIntent((s) => s.clear);
  const backup = useBackupIntent((s) => s.intent);
  const clearBackup = useBackupIntent((s) => s.clear);
  return (
    <>
      <TransfersRegion />
      {intent && (
        <Suspense fallback={null}>
          <TransferDialog key={`${intent.mode}:${intent.sourcePaths.join('|')}`} intent={intent} onClose={clear} />
        </Suspense>
      )}
      {backup && (
        <Suspense fallback={null}>
          {backup.kind === 'backup' ? (
            <BackupDialog key={`backup:${backup.folderPath}`} folderPath={backup.folderPath} onClose={clearBackup} />
          ) : (
            <RestoreDialog key={`restore:${backup.folderPath}`} folderPath={backup.folderPath} onClose={clearBackup} />
          )}
        </Suspense>
      )}
    </>
  );
}
