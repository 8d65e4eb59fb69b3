import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { toFile, type ImageKit } from '@imagekit/nodejs';
import { createAppServices, type AppServices } from '../../services/app/create-app-services';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { ChannelName } from '../../../shared/ipc/names';
import type { Result } from '../../../shared/ipc/result';

export interface EditingHarness {
  app: AppServices;
  client: ImageKit;
  /** Everything the router logged (handler crashes, output drift); tests expect none. */
  problems: string[];
  events: { event: string; payload: unknown }[];
  call<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  data<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Uploads (or, with the same name, overwrites) a solid-colour PNG through the official SDK. */
  upload(name: string, color: { r: number; g: number; b: number }, options?: { width?: number; height?: number; folder?: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole app composition (createAppServices, as both hosts build it) on a fresh data dir whose
 * Local library is the real emulator; calls go through the contract's router with output validation.
 */
export async function startEditingHarness(): Promise<EditingHarness> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-editing-'));
  const problems: string[] = [];
  const app = await createAppServices({
    dataDir: path.join(root, 'data'),
    host: 'web',
    version: 'test',
    startLocalLibrary: startLocalLibraryInProcess,
    keychain: 'off',
    validate: true,
    log: (message, error) => problems.push(`${message}${error ? `: ${String(error)}` : ''}`),
  });
  const events: EditingHarness['events'] = [];
  app.events.subscribe((event, payload) => events.push({ event, payload }));
  const { client } = await app.clients.forActiveProfile();
  const call = <C extends ChannelName>(channel: C, input?: ChannelInput<C>) =>
    app.router.dispatch(channel, input, { transport: 'test' }) as Promise<Result<ChannelOutput<C>>>;
  return {
    app,
    client,
    problems,
    events,
    call,
    async data(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.data;
    },
    async upload(name, color, options = {}) {
      const png = await sharp({ create: { width: options.width ?? 40, height: options.height ?? 30, channels: 3, background: color } }).png().toBuffer();
      const uploaded = await client.files.upload({ file: await toFile(png, name), fileName: name, folder: options.folder ?? '/edit', useUniqueFileName: false });
      return uploaded.fileId ?? '';
    },
    async close() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
