import { create } from 'zustand';

export type ToastTone = 'info' | 'ok' | 'warn' | 'error';

export interface ToastItem {
  id: number;
  text: string;
  tone: ToastTone;
  /** Per-item failures ("a.png: not found"), listed under the text. */
  details: string[];
  /** Which status record repeats it (e.g. "library" → the "Last action" status). */
  channel: string;
}

/** At most this many toasts at once; a newer one pushes the oldest out instead of stacking up. */
export const MAX_TOASTS = 3;

interface ToastState {
  toasts: ToastItem[];
  /** The latest message per channel while its toast is up, for the hidden status records. */
  latest: Record<string, ToastItem | undefined>;
  push(item: Omit<ToastItem, 'id'>): number;
  close(id: number): void;
}

let nextId = 1;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  latest: {},
  push: (item) => {
    const toast = { ...item, id: nextId++ };
    set((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS), latest: { ...s.latest, [item.channel]: toast } }));
    return toast.id;
  },
  close: (id) =>
    set((s) => {
      const closing = s.toasts.find((t) => t.id === id);
      const latest = closing && s.latest[closing.channel]?.id === id ? { ...s.latest, [closing.channel]: undefined } : s.latest;
      return { toasts: s.toasts.filter((t) => t.id !== id), latest };
    }),
}));

/** Shows a toast from anywhere (event handlers, mutation callbacks, stores). */
export function toast(text: string, options: { tone?: ToastTone; details?: string[]; channel?: string } = {}): number {
  return useToastStore.getState().push({ text, tone: options.tone ?? 'info', details: options.details ?? [], channel: options.channel ?? 'app' });
}

/** How long a toast stays: long enough to read, longer when something went wrong. Paused on hover and focus. */
export function toastDuration(item: Pick<ToastItem, 'tone' | 'details'>): number {
  return item.tone === 'error' || item.tone === 'warn' || item.details.length ? 9_000 : 5_000;
}
