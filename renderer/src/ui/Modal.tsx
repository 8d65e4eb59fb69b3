import type { ReactNode } from 'react';
import { DialogShell, type DialogSize } from './dialog/Dialog';
import './modal.css';

interface ModalProps {
  /** The id of the dialog's heading (its accessible name). */
  labelledBy: string;
  onClose(): void;
  size?: DialogSize;
  children: ReactNode;
}

/**
 * A modal dialog whose content draws its own heading (see dialog/Dialog.tsx for the titled one).
 * Radix does the modal work: focus trapped and returned to the opener, Escape and outside clicks
 * close, the rest of the page hidden from assistive tech.
 */
export function Modal({ labelledBy, onClose, size = 'md', children }: ModalProps) {
  return (
    <DialogShell labelledBy={labelledBy} onClose={onClose} size={size}>
      {children}
    </DialogShell>
  );
}
