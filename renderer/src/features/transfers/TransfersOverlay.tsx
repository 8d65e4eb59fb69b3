import { useTransferEvents } from '../../api/transfers';
import { useTransferIntent } from '../../ui/transfer-intent';
import { TransferDialog } from './TransferDialog';
import { TransfersRegion } from './TransfersRegion';
import './transfers.css';

/** Always mounted in the frame: the transfer pushes, the "Copy/Move to profile…" dialog when asked, and the Transfers drawer. */
export function TransfersOverlay() {
  useTransferEvents();
  const intent = useTransferIntent((s) => s.intent);
  const clear = useTransferIntent((s) => s.clear);
  return (
    <>
      <TransfersRegion />
      {intent && <TransferDialog key={`${intent.mode}:${intent.sourcePaths.join('|')}`} intent={intent} onClose={clear} />}
    </>
  );
}
