import { lazy, Suspense } from 'react';
import { useTransferEvents } from '../../api/transfers';
import { useTransferIntent } from '../../ui/transfer-intent';
import { TransfersRegion } from './TransfersRegion';
import './transfers.css';

// The dialog (target, options, the dry-run plan) loads when "Copy/Move to profile…" is first chosen.
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
        <Suspense
          fallback={
            <span className="visually-hidden" role="status">
              Loading the transfer dialog…
            </span>
          }
        >
          <TransferDialog key={`${intent.mode}:${intent.sourcePaths.join('|')}`} intent={intent} onClose={clear} />
        </Suspense>
      )}
    </>
  );
}
