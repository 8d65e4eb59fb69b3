import * as RadixToast from '@radix-ui/react-toast';
import { CircleCheck, CircleX, Info, TriangleExclamationPoint, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { toastDuration, useToastStore, type ToastTone } from './toast-store';
import './toast.css';

const icons: Record<ToastTone, ReactNode> = {
  info: <Info />,
  ok: <CircleCheck />,
  warn: <TriangleExclamationPoint />,
  error: <CircleX />,
};

/** Wraps the app: Radix announces each toast politely, pauses it on hover/focus and lets F8 reach them. */
export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <RadixToast.Provider label="Notifications" swipeDirection="right">
      {children}
      <Toasts />
    </RadixToast.Provider>
  );
}

function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  const close = useToastStore((s) => s.close);
  return (
    <>
      {toasts.map((t) => (
        <RadixToast.Root
          key={t.id}
          className={`ui-toast ui-toast-${t.tone}`}
          duration={toastDuration(t)}
          type={t.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && close(t.id)}
        >
          <span className="ui-toast-icon" aria-hidden="true">
            {icons[t.tone]}
          </span>
          <div className="ui-toast-body">
            <RadixToast.Description className="ui-toast-text">{t.text}</RadixToast.Description>
            {t.details.length > 0 && (
              <ul className="ui-toast-details">
                {t.details.slice(0, 5).map((d) => (
                  <li key={d}>{d}</li>
                ))}
                {t.details.length > 5 && <li>…and {t.details.length - 5} more</li>}
              </ul>
            )}
          </div>
          <RadixToast.Close className="ui-toast-close" aria-label="Dismiss">
            <X aria-hidden="true" />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
    </>
  );
}

/**
 * Where toasts appear. The frame puts it inside the views area, so toasts sit above the Uploads
 * drawer and below dialogs (the dialog scrim is higher), never over either's controls.
 */
export function ToastViewport() {
  return <RadixToast.Viewport className="ui-toast-viewport" />;
}

/**
 * A status that repeats a channel's latest toast while it is shown (its accessible name is what
 * automation and the tests read, e.g. "Last action"). Visually hidden and not live: the toast itself
 * is what people see and hear.
 */
export function ToastRecord({ channel, label }: { channel: string; label: string }) {
  const latest = useToastStore((s) => s.latest[channel]);
  return (
    <div role="status" aria-label={label} aria-live="off" className="visually-hidden">
      {latest && <span>{latest.text}</span>}
      {latest && latest.details.length > 0 && (
        <ul>
          {latest.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
