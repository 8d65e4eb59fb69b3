import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ProfileService } from '../../services/profiles/profile-service';
import { openSettings } from '../../services/settings/settings-store';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { KeychainUnavailableError, type SecretStore } from '../../services/secrets/secret-store';
import { ProfileDraft } from '../../../shared/domain/profile';
import { AppError } from '../../../shared/ipc/result';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const localLibrary = {
  apiUrl: 'http://127.0.0.1:4100',
  urlEndpoint: 'http://127.0.0.1:4100/local',
  publicKey: 'public_local_key',
  privateKey: 'private_local_key_1234',
  close: async () => undefined,
};

const PRIVATE_KEY = 'private_work_key_secret_9876';

async function setup(keychain: SecretStore | null = new MemorySecretStore()) {
  const dir = await tempDir();
  const onChange = vi.fn();
  const session = new MemorySecretStore();
  const service = new ProfileService({ settings: openSettings(dir), keychain, session, localLibrary, onChange });
  return { dir, service, onChange, session, keychain };
}

const draft = (over: Partial<Record<string, unknown>> = {}) =>
  ProfileDraft.parse({ name: 'Work', urlEndpoint: 'https://ik.imagekit.io/work', publicKey: 'public_work', privateKey: PRIVATE_KEY, ...over });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
}

describe('ProfileService', () => {
  it('creates and opens the Local library on first run', async () => {
    const { service } = await setup();
    expect(await service.list()).toEqual([
      {
        id: 'local', name: 'Local library', kind: 'local', urlEndpoint: localLibrary.urlEndpoint, publicKey: 'public_local_key',
        hasPrivateKey: true, keyHint: '…1234', keyStorage: 'embedded', active: true,
      },
    ]);
  });

  it('saves an ImageKit account with its key in the keychain, and shows only a hint', async () => {
    const { service, keychain, onChange } = await setup();
    const saved = await service.save(draft());
    expect(saved).toMatchObject({ kind: 'imagekit', hasPrivateKey: true, keyHint: '…9876', keyStorage: 'keychain', active: false });
    expect(JSON.stringify(await service.list())).not.toContain(PRIVATE_KEY);
    expect(await keychain!.get(`profile:${saved.id}`)).toBe(PRIVATE_KEY);
    expect(onChange).toHaveBeenCalled();
    expect(await service.connectionOf(saved.id)).toEqual({
      profileId: saved.id, urlEndpoint: 'https://ik.imagekit.io/work', publicKey: 'public_work', privateKey: PRIVATE_KEY, apiBaseUrl: undefined,
    });
  });

  it('never writes the private key into the settings file', async () => {
    const { service, dir } = await setup();
    await service.save(draft());
    for (const name of await readdir(dir)) expect(await readFile(path.join(dir, name), 'utf8')).not.toContain(PRIVATE_KEY);
  });

  it('keeps the stored key when an edit leaves the private key out', async () => {
    const { service } = await setup();
    const { id } = await service.save(draft());
    const edited = await service.save(draft({ id, name: 'Work (renamed)', privateKey: undefined }));
    expect(edited).toMatchObject({ name: 'Work (renamed)', hasPrivateKey: true, keyHint: '…9876' });
    expect((await service.connectionOf(id)).privateKey).toBe(PRIVATE_KEY);
  });

  it('moves a profile to another endpoint only with its private key typed again', async () => {
    const { service } = await setup();
    const { id } = await service.save(draft());
    expect(await codeOf(service.save(draft({ id, urlEndpoint: 'https://ik.imagekit.io/elsewhere', privateKey: undefined })))).toBe('NOT_ALLOWED');
    expect((await service.connectionOf(id)).urlEndpoint).toBe('https://ik.imagekit.io/work');
    await expect(service.connectionAt(id, 'https://ik.imagekit.io/work/')).resolves.toMatchObject({ privateKey: PRIVATE_KEY });
    expect(await codeOf(service.connectionAt(id, 'https://ik.imagekit.io/elsewhere'))).toBe('NOT_ALLOWED');
    const moved = await service.save(draft({ id, urlEndpoint: 'https://ik.imagekit.io/elsewhere' }));
    expect(moved.urlEndpoint).toBe('https://ik.imagekit.io/elsewhere');
  });

  it('uses the emulator origin as API base for an endpoint on this machine', async () => {
    const { service } = await setup();
    const { id } = await service.save(draft({ urlEndpoint: 'http://127.0.0.1:4555/second' }));
    expect((await service.connectionOf(id)).apiBaseUrl).toBe('http://127.0.0.1:4555');
  });

  it('refuses a new profile without a private key, and editing or deleting the Local library', async () => {
    const { service } = await setup();
    expect(await codeOf(service.save(draft({ privateKey: undefined })))).toBe('BAD_INPUT');
    expect(await codeOf(service.save(draft({ id: 'local' })))).toBe('NOT_ALLOWED');
    expect(await codeOf(service.delete('local'))).toBe('NOT_ALLOWED');
    expect(await codeOf(service.activate('nope'))).toBe('NOT_FOUND');
  });

  it('switches the active profile and falls back to the Local library when the active one is deleted', async () => {
    const { service, keychain } = await setup();
    const { id } = await service.save(draft());
    await service.activate(id);
    expect((await service.list()).find((p) => p.active)?.id).toBe(id);
    await service.delete(id);
    expect(service.activeId()).toBe('local');
    expect(await keychain!.get(`profile:${id}`)).toBeNull();
    expect((await service.list()).map((p) => p.id)).toEqual(['local']);
  });

  describe('without a keychain', () => {
    it('refuses to save a key unless the person chose this run only, and saves nothing', async () => {
      const { service } = await setup(null);
      expect(await codeOf(service.save(draft()))).toBe('KEYCHAIN_UNAVAILABLE');
      expect((await service.list()).map((p) => p.id)).toEqual(['local']);
    });

    it('keeps the key in memory for this run when asked, and forgets it on the next run', async () => {
      const { service, dir } = await setup(null);
      const saved = await service.save(draft({ keyStorage: 'session' }));
      expect(saved).toMatchObject({ hasPrivateKey: true, keyStorage: 'session', keyHint: '…9876' });
      expect((await service.connectionOf(saved.id)).privateKey).toBe(PRIVATE_KEY);
      for (const name of await readdir(dir)) expect(await readFile(path.join(dir, name), 'utf8')).not.toContain(PRIVATE_KEY);

      const nextRun = new ProfileService({ settings: openSettings(dir), keychain: null, session: new MemorySecretStore(), localLibrary });
      expect(await nextRun.get(saved.id)).toMatchObject({ hasPrivateKey: false, keyHint: '', keyStorage: 'none' });
      expect(await codeOf(nextRun.connectionOf(saved.id))).toBe('NOT_FOUND');
    });

    it('turns a keychain that fails while saving into KEYCHAIN_UNAVAILABLE', async () => {
      const broken: SecretStore = {
        kind: 'keychain',
        get: async () => null,
        set: async () => { throw new KeychainUnavailableError('The system keychain is not available (locked).'); },
        delete: async () => false,
      };
      const { service } = await setup(broken);
      expect(await codeOf(service.save(draft()))).toBe('KEYCHAIN_UNAVAILABLE');
      expect((await service.list()).map((p) => p.id)).toEqual(['local']);
    });
  });

  it('moves a key out of the keychain when the person switches that profile to this run only', async () => {
    const { service, keychain } = await setup();
    const { id } = await service.save(draft());
    await service.save(draft({ id, keyStorage: 'session' }));
    expect(await keychain!.get(`profile:${id}`)).toBeNull();
    expect(await service.get(id)).toMatchObject({ keyStorage: 'session', hasPrivateKey: true });
  });
});
