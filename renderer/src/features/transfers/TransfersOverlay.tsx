import { lazy, Suspense } from 'react';
import { useTransferEvents } from '../../api/transfers';
import { useTransferIntent } from '../../ui/transfer-intent';
import { TransfersRegion } from './TransfersRegion';
import './transfers.css';

// The dialog (options, plan table) loads the first time a transfer is asked for, not with the window.
const TransferDialog = lazy(() => import('./TransferDialog').then((m) => ({ default: m.TransferDialog })));

/** Always mounted in the frame: the transfer pushes, the "Copy/Move to profile…" dialog when asked, and the Transfers drawer. */
export function TransfersOverlay() {
  useTransferEvents();
  const intent = useTransferIntent((s) => s.intent);
  const clear = useTransferIntent((s) => s.clear);
  return (
    <>
      <TransfersRegion />
      {intent && (
        <Suspense fallback={null}>
          <TransferDialog key={`${intent.mode}:${intent.sourcePaths.join('|')}`} intent={intent} onClose={clear} />
        </Suspense>
      )}
    </>
  );
}
