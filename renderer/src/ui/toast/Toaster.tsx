import { lazy, Suspense } from 'react';
import { useToastStore } from './toast-store';
import './toast.css';

// Radix's toast machinery loads as the window starts, beside the first data, not before the first paint.
const ToastLayer = lazy(() => import('./ToastLayer').then((m) => ({ default: m.ToastLayer })));

/**
 * Where toasts appear. The frame puts it inside the views area, so toasts sit above the Uploads
 * drawer and below dialogs (the dialog scrim is higher), never over either's controls.
 */
export function ToastViewport() {
  return (
    <Suspense fallback={null}>
      <ToastLayer />
    </Suspense>
  );
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
