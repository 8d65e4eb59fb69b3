import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type StartEmulatorOptions } from '../../src/index.js';

export interface TestEmulator {
  apiUrl: string;
  urlEndpoint: string;
  privateKey: string;
  publicKey: string;
  dataDir: string;
  /** Official SDK pointed at this emulator (no retries, so tests see every status). */
  sdk: ImageKit;
  /** `Authorization` header value for hand-written requests. */
  authHeader: string;
  close(): Promise<void>;
}

export type TestEmulatorOptions = Partial<Omit<StartEmulatorOptions, 'dataDir'>> & {
  /** Reuse a data dir (e.g. restart tests); default a fresh temp dir, removed on close. */
  dataDir?: string;
  /** SDK retries (default 0). */
  maxRetries?: number;
  /** `fetch` the SDK uses, e.g. a response-validating wrapper. */
  fetch?: typeof fetch;
};

/** Starts an emulator on a free port with a temp data dir and fixed test keys. */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ik-emu-test-')));
  const { maxRetries = 0, fetch: sdkFetch, ...rest } = options;
  const emulator = await startEmulator({
    privateKey: 'private_test_key',
    publicKey: 'public_test_key',
    quiet: true,
    faults: '',
    ...rest,
    port: rest.port ?? 0,
    dataDir,
  });
  const sdk = new ImageKit({ privateKey: emulator.privateKey, baseURL: emulator.apiUrl, maxRetries, ...(sdkFetch ? { fetch: sdkFetch } : {}) });
  return {
    apiUrl: emulator.apiUrl,
    urlEndpoint: emulator.urlEndpoint,
    privateKey: emulator.privateKey,
    publicKey: emulator.publicKey,
    dataDir,
    sdk,
    authHeader: `Basic ${Buffer.from(`${emulator.privateKey}:`).toString('base64')}`,
    close: async () => {
      await emulator.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Vitest helper: `const emu = withEmulator();` at describe level starts one emulator in
 * `beforeAll` and closes it in `afterAll`; read `emu.current` inside tests.
 */
export function withEmulator(options: TestEmulatorOptions = {}): { readonly current: TestEmulator } {
  let running: TestEmulator | undefined;
  beforeAll(async () => {
    running = await startTestEmulator(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get current(): TestEmulator {
      if (!running) throw new Error('withEmulator: emulator not started yet (use it inside tests, not at describe level)');
      return running;
    },
  };
}
