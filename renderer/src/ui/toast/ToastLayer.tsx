import * as RadixToast from '@radix-ui/react-toast';
import { CircleCheck, CircleX, Info, TriangleExclamationPoint, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { toastDuration, useToastStore, type ToastTone } from './toast-store';

const icons: Record<ToastTone, ReactNode> = {
  info: <Info />,
  ok: <CircleCheck />,
  warn: <TriangleExclamationPoint />,
  error: <CircleX />,
};

/**
 * The toasts and the region they appear in (Toaster.tsx's ToastViewport loads this): Radix announces
 * each toast politely, pauses it on hover/focus and lets F8 reach them.
 */
export function ToastLayer() {
  return (
    <RadixToast.Provider label="Notifications" swipeDirection="right">
      <Toasts />
      <RadixToast.Viewport className="ui-toast-viewport" />
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
