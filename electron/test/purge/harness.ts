import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { expect } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import type { PurgeRequestView, PurgeSuggestionView } from '../../../shared/domain/purge';
import { PurgeService, type PurgeServiceDeps } from '../../services/purge/purge-service';

export interface PurgeHarness {
  emulator: RunningEmulator;
  sdk: ImageKit;
  dataDir: string;
  requestEvents: PurgeRequestView[];
  suggestionEvents: PurgeSuggestionView[];
  /** A PurgeService over this data dir (a fresh one each call: reopening is a restart). */
  service(overrides?: Partial<PurgeServiceDeps>): PurgeService;
  /** Closes every service opened so far, so no poller of one test settles another test's requests. */
  closeServices(): void;
  close(): Promise<void>;
}

/** The Local library emulator over real HTTP, and purge services wired to it as profile "local". */
export async function startPurgeHarness(): Promise<PurgeHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-purge-'));
  const emulator = await startEmulator({ port: 0, dataDir: path.join(root, 'emulator'), quiet: true, privateKey: 'private_purge_key', publicKey: 'public_purge_key' });
  const sdk = new ImageKit({ privateKey: emulator.privateKey, baseURL: emulator.apiUrl, maxRetries: 0 });
  const requestEvents: PurgeRequestView[] = [];
  const suggestionEvents: PurgeSuggestionView[] = [];
  const opened: PurgeService[] = [];
  return {
    emulator,
    sdk,
    dataDir: path.join(root, 'app'),
    requestEvents,
    suggestionEvents,
    service(overrides = {}) {
      const service = new PurgeService({
        dataDir: path.join(root, 'app'),
        sessions: { idOf: (requested) => requested ?? 'local', resolve: async () => ({ client: sdk, connection: { urlEndpoint: emulator.urlEndpoint } }) },
        emitRequest: (view) => requestEvents.push(view),
        emitSuggestion: (view) => suggestionEvents.push(view),
        log: () => undefined,
        pollDelaysMs: [30, 60, 120],
        ...overrides,
      });
      opened.push(service);
      return service;
    },
    closeServices() {
      for (const s of opened.splice(0)) s.close();
    },
    async close() {
      for (const s of opened.splice(0)) s.close();
      await emulator.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export const swatch = (color: string, size = 16) => sharp({ create: { width: size, height: size, channels: 3, background: color } }).png().toBuffer();

/** Uploads (or overwrites: same name, no unique suffix) a solid-colour PNG. */
export async function putSwatch(sdk: ImageKit, folder: string, name: string, color: string) {
  return sdk.files.upload({ file: await toFile(await swatch(color), name), fileName: name, folder, useUniqueFileName: false });
}

/** RGB of the first pixel the URL serves. */
export async function firstPixel(url: string): Promise<number[]> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  const { data } = await sharp(Buffer.from(await res.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
}

/** Polls `probe` until it returns something truthy (or fails after `timeoutMs`). */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
