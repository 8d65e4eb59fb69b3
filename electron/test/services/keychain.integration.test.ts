import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../services/secrets/keyring-secret-store';
import { createAppServices } from '../../services/app/create-app-services';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import { secretServiceForTests, secretServiceTitle } from '../helpers/secret-service';

/**
 * Against a real OS keychain: gnome-keyring's Secret Service inside a private D-Bus session, which
 * scripts/with-keyring.sh provides (and signals with MEDIADESK_KEYRING=1). `npm test` runs Vitest
 * that way; where no Secret Service can be started, or under a bare `npx vitest run`, these tests
 * say why and skip.
 */
const secretService = secretServiceForTests();

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, entry);
    if ((await stat(full)).isFile()) out.push(full);
  }
  return out;
}

describe.skipIf(!secretService.available)(secretServiceTitle('OS keychain', secretService), () => {
  const service = `MediaDesk-test-${randomUUID()}`;

  it('probes as available', async () => {
    await expect(new KeyringSecretStore(service).probe()).resolves.toEqual({ available: true });
  });

  it('saves, reads back and deletes a secret', async () => {
    const store = new KeyringSecretStore(service);
    const secret = `private_${randomUUID()}`;
    await store.set('profile:a', secret);
    expect(await store.get('profile:a')).toBe(secret);
    expect(await store.delete('profile:a')).toBe(true);
    expect(await store.get('profile:a')).toBeNull();
    expect(await store.delete('profile:a')).toBe(false);
  });

  it('keeps a profile key in the keychain through the app: never in a file under the data dir', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-keychain-'));
    const keychain = new KeyringSecretStore(service);
    const app = await createAppServices({
      dataDir, host: 'web', version: 'test', startLocalLibrary: startLocalLibraryInProcess, keychain, validate: true,
      connectionTimeoutMs: 2000, log: () => undefined,
    });
    try {
      const privateKey = `private_${randomUUID().replaceAll('-', '')}`;
      const saved = await app.router.dispatch(
        'profiles.save',
        { name: 'Work', urlEndpoint: 'http://127.0.0.1:9/work', publicKey: 'public_work', privateKey },
        { transport: 'test' },
      );
      expect(saved).toMatchObject({ ok: true, data: { profile: { keyStorage: 'keychain', hasPrivateKey: true, keyHint: `…${privateKey.slice(-4)}` } } });
      const id = (saved as { ok: true; data: { profile: { id: string } } }).data.profile.id;
      expect(await keychain.get(`profile:${id}`)).toBe(privateKey);

      for (const file of await filesUnder(dataDir)) {
        expect((await readFile(file)).includes(Buffer.from(privateKey)), file).toBe(false);
      }

      await expect(app.router.dispatch('profiles.delete', { id }, { transport: 'test' })).resolves.toEqual({ ok: true, data: { id } });
      expect(await keychain.get(`profile:${id}`)).toBeNull();
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(secretService.available)('OS keychain absent', () => {
  it('probes as unavailable with the reason instead of hanging or throwing', async () => {
    const probe = await new KeyringSecretStore(`MediaDesk-test-${randomUUID()}`).probe(5000);
    expect(probe.available).toBe(false);
    if (!probe.available) expect(probe.reason).toMatch(/keychain/i);
  });
});
