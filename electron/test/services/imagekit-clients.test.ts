import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageKitClients } from '../../services/imagekit/client-service';
import { ProfileService } from '../../services/profiles/profile-service';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { ProfileDraft } from '../../../shared/domain/profile';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

let root: string;
let local: RunningEmulator;
let second: RunningEmulator;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-clients-'));
  local = await startEmulator({ port: 0, dataDir: path.join(root, 'local'), quiet: true });
  second = await startEmulator({ port: 0, dataDir: path.join(root, 'second'), id: 'second', quiet: true });
});

afterAll(async () => {
  await local?.close();
  await second?.close();
  await rm(root, { recursive: true, force: true });
});

describe('ImageKit clients per profile', () => {
  it('gives each profile an official SDK client aimed at its own backend, reused until invalidated', async () => {
    const profiles = new ProfileService({
      settings: openSettings(path.join(root, 'settings')),
      keychain: new MemorySecretStore(),
      session: new MemorySecretStore(),
      localLibrary: { ...local, close: async () => undefined },
    });
    const clients = new ImageKitClients(profiles);
    const { id } = await profiles.save(
      ProfileDraft.parse({ name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: second.privateKey }),
    );

    const localClient = await clients.forProfile('local');
    const secondClient = await clients.forProfile(id);
    expect(localClient.baseURL).toBe(local.apiUrl);
    expect(secondClient.baseURL).toBe(second.apiUrl);
    expect(localClient.timeout).toBe(30_000);
    expect(localClient.maxRetries).toBe(2);
    await expect(secondClient.assets.list({ limit: 1 })).resolves.toEqual([]);
    expect(await clients.forProfile(id)).toBe(secondClient);

    await profiles.save(ProfileDraft.parse({ id, name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: 'private_new_key' }));
    const rebuilt = await clients.forProfile(id);
    expect(rebuilt).not.toBe(secondClient);
    await expect(rebuilt.assets.list({ limit: 1 })).rejects.toMatchObject({ status: expect.any(Number) });

    await profiles.activate(id);
    expect((await clients.forActiveProfile()).profileId).toBe(id);
  });
});
