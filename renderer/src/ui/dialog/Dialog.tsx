import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { IconButton } from '../controls/IconButton';
import './dialog.css';

export type DialogSize = 'sm' | 'md' | 'lg';

/**
 * Where focus lands when a dialog opens: a field that asked for it (autoFocus) or the first field,
 * else the dialog itself. Never a button: focusing an icon button would open its tooltip, and Escape
 * would then close the tooltip instead of the dialog.
 */
function focusOnOpen(event: Event): void {
  event.preventDefault();
  const content = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
  if (!content || content.contains(document.activeElement)) return;
  const field = content.querySelector<HTMLElement>('[autofocus], input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
  (field ?? content).focus();
}

interface DialogShellProps {
  onClose(): void;
  size?: DialogSize;
  children: ReactNode;
  /** The id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  className?: string;
}

/**
 * A modal dialog from Radix: focus is trapped inside and returned to the opener, Escape and a click
 * outside close it, and the rest of the page is hidden from assistive tech meanwhile.
 * The scrim is a plain element rather than Radix's Overlay: the Overlay locks page scrolling by
 * injecting a <style> element, which the renderer's CSP (style-src 'self') refuses; the app's body
 * never scrolls, so there is nothing to lock.
 */
/**
 * Gives focus back to what had it when the dialog opened. Radix returns it to a Dialog.Trigger, but
 * these dialogs open from menus, shortcuts and the grid's keyboard, so there is no trigger.
 * Captured during the first render, before autoFocus moves focus into the dialog.
 */
export function useReturnFocus(): (event: Event) => void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));
  return (event) => {
    event.preventDefault();
    if (opener?.isConnected) opener.focus();
  };
}

export function DialogShell({ onClose, size = 'md', children, labelledBy, describedBy, className }: DialogShellProps) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <div className="ui-dialog-scrim" aria-hidden="true" />
        <RadixDialog.Content
          className={`ui-dialog ui-dialog-${size}${className ? ` ${className}` : ''}`}
          aria-labelledby={labelledBy}
          aria-describedby={describedBy}
          onOpenAutoFocus={focusOnOpen}
          onCloseAutoFocus={returnFocus}
        >
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

interface DialogProps {
  title: ReactNode;
  /** One line under the title. */
  subtitle?: ReactNode;
  onClose(): void;
  size?: DialogSize;
  /** Buttons on the right of the header, before Close. */
  headerActions?: ReactNode;
  children: ReactNode;
}

/** A titled dialog: header (title, optional actions, Close), then a body that scrolls vertically only. */
export function Dialog({ title, subtitle, onClose, size, headerActions, children }: DialogProps) {
  const returnFocus = useReturnFocus();
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <div className="ui-dialog-scrim" aria-hidden="true" />
        <RadixDialog.Content className={`ui-dialog ui-dialog-${size ?? 'md'}`} aria-describedby={undefined} onOpenAutoFocus={focusOnOpen} onCloseAutoFocus={returnFocus}>
          <DialogHeader onClose={onClose} actions={headerActions}>
            <RadixDialog.Title className="ui-dialog-title">{title}</RadixDialog.Title>
          </DialogHeader>
          {subtitle && <p className="ui-dialog-subtitle">{subtitle}</p>}
          <div className="ui-dialog-body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The header row shared by every dialog: the title, extra actions and a named Close button. */
export function DialogHeader({ children, actions, onClose }: { children: ReactNode; actions?: ReactNode; onClose(): void }) {
  return (
    <div className="ui-dialog-header modal-header">
      {children}
      {actions}
      <IconButton label="Close" shortcut="Escape" onClick={onClose}>
        <X />
      </IconButton>
    </div>
  );
}
