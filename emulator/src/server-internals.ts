import type { EmulatorContext } from './context.js';
import type { Library } from './store/library.js';
import type { Faults } from './faults.js';
import { createOutboundPolicy, type OutboundPolicy } from './net/outbound-policy.js';

/** Limits an emulator enforces; defaults in `index.ts`. */
export interface EmulatorLimits {
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
  /** Time allowed for a remote `file` URL to answer with headers. */
  remoteHeaderTimeoutMs: number;
}

/** What the core routes need beyond the public `EmulatorContext`. */
export interface Internals {
  library: Library;
  limits: EmulatorLimits;
  faults: Faults | undefined;
  /** Background work (bulk jobs, webhooks) to await before closing. */
  background: Set<Promise<unknown>>;
  quiet: boolean;
  /** Which addresses remote-URL uploads and webhooks may reach; absent means public addresses only. */
  outbound?: OutboundPolicy;
}

const PUBLIC_ONLY = createOutboundPolicy();

/** The outbound policy of this emulator (public addresses only unless it was started with an opt-in). */
export function outboundOf(ctx: EmulatorContext): OutboundPolicy {
  return internalsOf(ctx).outbound ?? PUBLIC_ONLY;
}

const registry = new WeakMap<EmulatorContext, Internals>();

export function attachInternals(ctx: EmulatorContext, internals: Internals): void {
  registry.set(ctx, internals);
}

export function internalsOf(ctx: EmulatorContext): Internals {
  const internals = registry.get(ctx);
  if (!internals) throw new Error('emulator context was not created by startEmulator');
  return internals;
}

/** Runs `work` after the current request, keeping track of it so `close()` can wait for it. */
export function runInBackground(ctx: EmulatorContext, work: () => Promise<unknown>): void {
  const { background } = internalsOf(ctx);
  const p = new Promise<void>((resolve) => setImmediate(resolve)).then(work).catch((err: unknown) => {
    if (!internalsOf(ctx).quiet) console.error('emulator background task failed:', err);
  });
  background.add(p);
  void p.finally(() => background.delete(p));
}
