import type { EmulatorConfig, EmulatorContext } from './context.js';
import type { Faults } from './faults.js';
import { createOutboundPolicy, type OutboundPolicy } from './net/outbound-policy.js';
import type { Library } from './store/library.js';

/** Limits an emulator enforces. */
export interface EmulatorLimits {
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
  /** Time allowed for a remote `file` URL to answer with headers. */
  remoteHeaderTimeoutMs: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  maxUploadBytes: 100 * 1024 * 1024,
  remoteHeaderTimeoutMs: 8000,
};

/**
 * One running emulator as its core routes see it, handed to each route module when the server
 * registers it: the public context (config, read access, delivery hooks, db) plus the writable
 * library and what the running server owns (limits, faults, background work, folder locks).
 */
export interface EmulatorCore extends EmulatorContext {
  library: Library;
  limits: EmulatorLimits;
  faults: Faults | undefined;
  /** Background work (bulk jobs, webhooks, purges) that `close()` waits for. */
  background: Set<Promise<unknown>>;
  /** Folder roots a running bulk job works on; other folder operations there answer 423. */
  lockedFolders: Set<string>;
  quiet: boolean;
  /** Which addresses remote-URL uploads and webhooks may reach. */
  outbound: OutboundPolicy;
}

export interface CoreOptions {
  config: EmulatorConfig;
  library: Library;
  delivery: EmulatorContext['delivery'];
  limits?: Partial<EmulatorLimits>;
  faults?: Faults;
  quiet?: boolean;
  /** Default: public addresses only. */
  outbound?: OutboundPolicy;
}

export function createCore(options: CoreOptions): EmulatorCore {
  return {
    config: options.config,
    library: options.library,
    delivery: options.delivery,
    db: options.library.db,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    faults: options.faults,
    background: new Set(),
    lockedFolders: new Set(),
    quiet: options.quiet ?? false,
    outbound: options.outbound ?? createOutboundPolicy(),
  };
}

/** Runs `work` after the current request, keeping track of it so `close()` can wait for it. */
export function runInBackground(core: Pick<EmulatorCore, 'background' | 'quiet'>, work: () => Promise<unknown>): void {
  const p = new Promise<void>((resolve) => setImmediate(resolve)).then(work).catch((err: unknown) => {
    if (!core.quiet) console.error('emulator background task failed:', err);
  });
  core.background.add(p);
  void p.finally(() => core.background.delete(p));
}
