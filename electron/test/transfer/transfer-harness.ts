import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type ImageKit from '@imagekit/nodejs';
import { toFile } from '@imagekit/nodejs';
import type { File as IkFile } from '@imagekit/nodejs/resources/files/files';
import { startTestEmulator, type TestEmulator } from '../../../emulator/test/helpers/emulator';
import type { LibraryAccess } from '../../services/transfer/item-runner';
import { originalUrl } from '../../services/transfer/originals';
import { TransferService, type TransferServiceOptions } from '../../services/transfer/transfer-service';

export const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Fast retries for tests: the policy is the queue's, only the waits are shorter. */
export const FAST_RETRY = { maxAttempts: 6, baseDelayMs: 20, maxDelayMs: 200 };

export function accessOf(emulator: Pick<TestEmulator, 'sdk' | 'urlEndpoint'>, profileId: string): LibraryAccess {
  return { profileId, client: emulator.sdk, urlEndpoint: emulator.urlEndpoint, libraryKey: `${profileId}|${emulator.urlEndpoint}` };
}

export interface TwoAccounts {
  a: TestEmulator;
  b: TestEmulator;
  dataDir: string;
  service(options?: Partial<TransferServiceOptions>): TransferService;
  close(): Promise<void>;
}

/** Two emulators standing in for two ImageKit accounts ("a" and "b") and a temp data dir for jobs. */
export async function startTwoAccounts(options: { faultsB?: string } = {}): Promise<TwoAccounts> {
  const a = await startTestEmulator({ privateKey: 'private_a', publicKey: 'public_a', id: 'acct_a' });
  const b = await startTestEmulator({ privateKey: 'private_b', publicKey: 'public_b', id: 'acct_b', faults: options.faultsB ?? '' });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-transfer-'));
  const services: TransferService[] = [];
  return {
    a,
    b,
    dataDir,
    service: (overrides = {}) => {
      const service = new TransferService({
        dataDir,
        origin: 'test',
        retry: FAST_RETRY,
        access: async (id) => {
          if (id === 'a') return accessOf(a, 'a');
          if (id === 'b') return accessOf(b, 'b');
          throw new Error(`unknown profile ${id}`);
        },
        ...overrides,
      });
      services.push(service);
      return service;
    },
    close: async () => {
      services.forEach((s) => s.close());
      await a.close();
      await b.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function upload(sdk: ImageKit, filePath: string, bytes: Buffer, extra: Record<string, unknown> = {}): Promise<{ fileId: string; versionId: string }> {
  const folder = filePath.slice(0, filePath.lastIndexOf('/')) || '/';
  const name = filePath.slice(filePath.lastIndexOf('/') + 1);
  const res = await sdk.files.upload({ file: await toFile(bytes, name), fileName: name, folder, useUniqueFileName: false, ...extra });
  return { fileId: res.fileId ?? '', versionId: res.versionInfo?.id ?? '' };
}

/** The bytes of a version's original, read the way a person would check them. */
export async function originalBytes(emulator: TestEmulator, file: IkFile, isCurrent = true): Promise<Buffer> {
  const url = originalUrl(emulator.sdk, emulator.urlEndpoint, {
    filePath: file.filePath ?? '',
    versionId: file.versionInfo?.id ?? '',
    isCurrent,
    isPrivateFile: file.isPrivateFile === true,
    updatedAt: file.updatedAt ?? null,
  });
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} → ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Every file at any depth below `root` (current versions), via the plain SDK. */
export async function listTree(sdk: ImageKit, root: string): Promise<IkFile[]> {
  const all = (await sdk.assets.list({ type: 'file', limit: 1000 })) as IkFile[];
  const prefix = root === '/' ? '/' : `${root}/`;
  return all.filter((f) => (f.filePath ?? '').startsWith(prefix)).sort((x, y) => (x.filePath ?? '').localeCompare(y.filePath ?? ''));
}

/** Versions of a file, oldest first, with the checksum of each version's bytes. */
export async function versionChecksums(emulator: TestEmulator, file: IkFile): Promise<string[]> {
  const versions = await emulator.sdk.files.versions.list(file.fileId ?? '');
  const ordered = [...versions].sort((x, y) => Number(/\d+$/.exec(x.versionInfo?.name ?? '')?.[0]) - Number(/\d+$/.exec(y.versionInfo?.name ?? '')?.[0]));
  const out: string[] = [];
  for (const v of ordered) {
    const isCurrent = v.type === 'file';
    out.push(sha256(await originalBytes(emulator, { ...v, filePath: file.filePath }, isCurrent)));
  }
  return out;
}
