import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UrlPreview } from '../../../shared/domain/urls';
import { randomUUID } from 'node:crypto';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { KeyringSecretStore } from '../../services/secrets/keyring-secret-store';
import { secretServiceForTests } from '../helpers/secret-service';
import { startTestEmulator, type TestEmulator } from '../../../emulator/test/helpers/emulator';
import { CountingSecretStore } from '../helpers/counting-secret-store';
import { startAppHarness, type AppHarness } from '../helpers/core-harness';

// An ImageKit-account profile (its key in the keychain) pointed at a second emulator, so every call
// that needs the key would read the keychain; the Local library's key never does. Under
// scripts/with-keyring.sh (npm test) the reads are counted on a real Secret Service over D-Bus.
const secretService = secretServiceForTests();
const backing = secretService.available ? new KeyringSecretStore(`MediaDesk-test-${randomUUID()}`) : new MemorySecretStore();
let h: AppHarness;
let account: TestEmulator;
let keychain: CountingSecretStore;
let profileId: string;
let src: string;

beforeAll(async () => {
  keychain = new CountingSecretStore(backing);
  h = await startAppHarness('sessions', { version: '0.0.0-test', keychain, connectionTimeoutMs: 5_000 });
  account = await startTestEmulator();
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 90, b: 40 } } }).jpeg().toBuffer();
  const uploaded = await account.sdk.files.upload({ file: await toFile(jpeg, 'slider.jpg'), fileName: 'slider.jpg', useUniqueFileName: false });
  src = uploaded.filePath!;
  const saved = await h.data('profiles.save', { name: 'Account', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
  profileId = saved.profile.id;
});

afterAll(async () => {
  await h?.close();
  await account?.close();
});

const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ filePath: `/private/file-${i}.jpg`, transformation: 'w-64,h-64' }));
const sliderDraft = (width: number) => ({ src, transformation: [{ width: String(width) }], signed: true });

describe(`profile sessions: keychain reads per call (${secretService.available ? 'gnome-keyring' : 'in-memory store'})`, () => {
  it('signs a 500-item batch with one keychain read, and none once the session is cached', async () => {
    await h.data('profiles.activate', { id: profileId });
    h.app.sessions.invalidate(); // a cold start: nothing cached yet
    const cold = await keychain.readsDuring(() => h.data('library.signedUrls', { profileId, items: batch(500) }));
    const cached = await keychain.readsDuring(() => h.data('library.signedUrls', { profileId, items: batch(500) }));
    const viaActive = await keychain.readsDuring(() => h.data('library.signedUrls', { items: batch(500) }));
    expect({ cold, cached, viaActive }).toEqual({ cold: 1, cached: 0, viaActive: 0 });
  });

  it('a slider change (urls.preview, signed or not) reads the keychain once cold and not at all once cached', async () => {
    h.app.sessions.invalidate();
    const cold = await keychain.readsDuring(() => h.data('urls.preview', { profileId, draft: sliderDraft(299) }));
    const signed = await keychain.readsDuring(async () => {
      const preview = await h.data('urls.preview', { profileId, draft: sliderDraft(300) });
      expect((preview as UrlPreview).probe).toMatchObject({ ok: true, width: 300 });
    });
    const unsigned = await keychain.readsDuring(async () => {
      const preview = await h.data('urls.preview', { profileId, draft: { ...sliderDraft(301), signed: false } });
      expect((preview as UrlPreview).probe).toMatchObject({ ok: true, width: 301 });
    });
    expect({ cold, signed, unsigned }).toEqual({ cold: 1, signed: 0, unsigned: 0 });
  });

  it('a key change, a rejected key and a deletion each drop the cached session', async () => {
    await h.data('profiles.save', { id: profileId, name: 'Account', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: 'private_wrong_key' });
    const rejected = await h.call('urls.preview', { profileId, draft: sliderDraft(310) });
    // Signed with the new (wrong) key: the emulator refuses the signature.
    expect(rejected).toMatchObject({ ok: true, data: { probe: { ok: false, status: 401 } } });
    expect(await h.call('library.list', { profileId, folderPath: '/' })).toMatchObject({ ok: false, error: { code: 'KEY_REJECTED' } });
    // The key is put right behind the app's back (the command line, another keychain tool): the rejected
    // session was dropped, so the next call reads the keychain again instead of failing forever.
    await keychain.set(`profile:${profileId}`, account.privateKey);
    const reread = await keychain.readsDuring(async () => expect(await h.call('library.list', { profileId, folderPath: '/' })).toMatchObject({ ok: true }));
    expect(reread).toBe(1);
    await h.data('profiles.save', { id: profileId, name: 'Account', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
    const afterFix = await keychain.readsDuring(() => h.data('urls.preview', { profileId, draft: sliderDraft(320) }));
    expect(afterFix).toBeLessThanOrEqual(1);
    const cached = await keychain.readsDuring(() => h.data('urls.preview', { profileId, draft: sliderDraft(330) }));
    expect(cached).toBe(0);

    await h.data('profiles.delete', { id: profileId });
    const gone = await h.call('library.signedUrls', { profileId, items: batch(1) });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
