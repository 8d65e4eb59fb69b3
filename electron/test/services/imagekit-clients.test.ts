import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileSessions } from '../../services/sessions/profile-sessions';
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

describe('ImageKit clients per profile (profile sessions)', () => {
  it('gives each profile an official SDK client aimed at its own backend, reused until invalidated', async () => {
    const profiles = new ProfileService({
      settings: openSettings(path.join(root, 'settings')),
      keychain: new MemorySecretStore(),
      session: new MemorySecretStore(),
      localLibrary: { ...local, close: async () => undefined },
    });
    const sessions = new ProfileSessions(profiles);
    const clientOf = async (profileId?: string) => (await sessions.resolve(profileId)).client;
    const { id } = await profiles.save(
      ProfileDraft.parse({ name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: second.privateKey }),
    );

    const localClient = await clientOf('local');
    const secondClient = await clientOf(id);
    expect(localClient.baseURL).toBe(local.apiUrl);
    expect(secondClient.baseURL).toBe(second.apiUrl);
    expect(localClient.timeout).toBe(30_000);
    expect(localClient.maxRetries).toBe(2);
    await expect(secondClient.assets.list({ limit: 1 })).resolves.toEqual([]);
    expect(await clientOf(id)).toBe(secondClient);

    await profiles.save(ProfileDraft.parse({ id, name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: 'private_new_key' }));
    const rebuilt = await clientOf(id);
    expect(rebuilt).not.toBe(secondClient);
    await expect(rebuilt.assets.list({ limit: 1 })).rejects.toMatchObject({ status: expect.any(Number) });

    await profiles.activate(id);
    expect((await sessions.resolve()).id).toBe(id);
    expect(await clientOf()).toBe(rebuilt);
  });
});

describe('profile sessions: sharing and invalidation', () => {
  it('shares one keychain read among concurrent calls, and rebuilds after another process edits the profile', async () => {
    const { CountingSecretStore } = await import('../helpers/counting-secret-store');
    const keychain = new CountingSecretStore(new MemorySecretStore());
    const settings = openSettings(path.join(root, 'settings-shared'));
    const profiles = new ProfileService({ settings, keychain, session: new MemorySecretStore(), localLibrary: { ...local, close: async () => undefined } });
    const sessions = new ProfileSessions(profiles);
    const { id } = await profiles.save(ProfileDraft.parse({ name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: second.privateKey }));

    const reads = await keychain.readsDuring(() => Promise.all(Array.from({ length: 50 }, () => sessions.resolve(id))));
    expect(reads).toBe(1);
    const first = await sessions.resolve(id);

    // The command line shares settings.json: an endpoint edited there must not keep the old client.
    const moved = `${second.urlEndpoint.replace(/\/+$/, '')}/elsewhere`;
    settings.set('profiles', settings.get('profiles').map((p) => (p.id === id ? { ...p, urlEndpoint: moved } : p)));
    const after = await sessions.resolve(id);
    expect(after).not.toBe(first);
    expect(after.connection.urlEndpoint).toBe(moved);

    settings.set('profiles', settings.get('profiles').filter((p) => p.id !== id));
    await expect(sessions.resolve(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tries again after a failed resolution instead of caching the failure', async () => {
    const keychain = new MemorySecretStore();
    const settings = openSettings(path.join(root, 'settings-retry'));
    const profiles = new ProfileService({ settings, keychain, session: new MemorySecretStore(), localLibrary: { ...local, close: async () => undefined } });
    const sessions = new ProfileSessions(profiles);
    const { id } = await profiles.save(ProfileDraft.parse({ name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: second.privateKey }));
    await keychain.delete(`profile:${id}`);
    await expect(sessions.resolve(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await keychain.set(`profile:${id}`, second.privateKey);
    await expect(sessions.resolve(id)).resolves.toMatchObject({ id, connection: { privateKey: second.privateKey } });
  });
});
