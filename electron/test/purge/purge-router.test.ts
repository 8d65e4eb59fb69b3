import path from 'node:path';
import { existsSync } from 'node:fs';
import ImageKit from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Handlers, type Router } from '../../../shared/ipc/router';
import { AppError } from '../../../shared/ipc/result';
import { startLocalLibraryInProcess } from '../../services/local-library/in-process';
import type { LocalLibraryHandle } from '../../services/local-library/local-library';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { openSettings } from '../../services/settings/settings-store';
import { ProfileService } from '../../services/profiles/profile-service';
import { ProfileSessions } from '../../services/sessions/profile-sessions';
import { EventHub } from '../../services/app/event-hub';
import type { CoreServices, FeatureArea } from '../../services/app/feature-area';
import { createPurgeAreaWith } from '../../services/purge/area';
import { suggestPurge } from '../../services/purge/suggest-purge';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { putSwatch, waitFor } from './harness';
import { GrantedPaths } from '../../services/security/granted-paths';

/*
 * The purge area on the app's real core services (settings, profiles, SDK clients, event hub) with
 * the Local library emulator, behind the contract's router with output validation. Composed on its
 * own (as the library tests do) so it does not depend on other areas being registered yet.
 */
let root: string;
let router: Router;
let core: CoreServices;
let area: FeatureArea;
let localLibrary: LocalLibraryHandle;
let dataDir: string;
const problems: string[] = [];
const ctx = { transport: 'test' as const };
const pushed: Array<{ event: string; payload: unknown }> = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-purge-router-'));
  dataDir = path.join(root, 'data');
  localLibrary = await startLocalLibraryInProcess({ dataDir: path.join(dataDir, 'local-library') });
  const settings = openSettings(dataDir);
  const profiles = new ProfileService({ settings, keychain: new MemorySecretStore(), session: new MemorySecretStore(), localLibrary });
  const events = new EventHub(true);
  events.subscribe((event, payload) => pushed.push({ event, payload }));
  core = { dataDir, profiles, sessions: new ProfileSessions(profiles), events, settings, grants: new GrantedPaths(), log: () => undefined };
  area = await createPurgeAreaWith({ pollDelaysMs: [30, 60] })(core);
  const notHere = () => {
    throw new AppError('UNKNOWN_CHANNEL', 'Not part of the purge tests.');
  };
  const handlers = new Proxy(area.handlers, { get: (target, key: string) => (target as Record<string, unknown>)[key] ?? notHere }) as Handlers;
  router = createRouter(handlers, { validateOutput: true, log: (message, error) => problems.push(`${message}: ${String(error)}`) });
});
afterAll(async () => {
  await area?.close?.();
  await localLibrary?.close();
  await rm(root, { recursive: true, force: true });
  expect(problems).toEqual([]);
});

const call = async (channel: string, input?: unknown) => router.dispatch(channel, input, ctx);

describe('purge area through the router (contract-checked)', () => {
  it('reports settings and quota of the active profile', async () => {
    expect(await call('purge.settings')).toEqual({
      ok: true,
      data: { profileId: 'local', monthlyQuota: 1000, transformationsInUse: [], urlEndpoint: localLibrary.urlEndpoint },
    });
    expect(await call('purge.quota', {})).toMatchObject({ ok: true, data: { profileId: 'local', used: 0, remaining: 1000 } });
  });

  it('answers an invalid list with BAD_INPUT naming each refused URL', async () => {
    const result = await call('purge.submit', { urls: [`${localLibrary.urlEndpoint}/a*`] });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^1 URL was refused, nothing was sent: .*\/a\* — A wildcard/) } });
    expect(await call('purge.submit', { urls: [] })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'urls: Enter at least one URL.' } });
  });

  it('purges, stores per profile under the data dir, and pushes request changes until completed', async () => {
    const result = await call('purge.submit', { urls: [`${localLibrary.urlEndpoint}/routed/a.jpg`] });
    expect(result.ok).toBe(true);
    await waitFor(() => pushed.some((p) => p.event === 'purge.requestChanged' && (p.payload as { state: string }).state === 'completed'));
    const history = await call('purge.requests', { profileId: 'local' });
    expect(history).toMatchObject({ ok: true, data: [{ state: 'completed', urls: [{ url: `${localLibrary.urlEndpoint}/routed/a.jpg`, state: 'completed' }] }] });
    expect(existsSync(path.join(dataDir, 'profiles', 'local', 'purge.db'))).toBe(true);
  });

  it('lets other areas suggest purges with suggestPurge(core, …), and lists them', async () => {
    // A composition without the purge area: nothing to record, nothing thrown.
    expect(await suggestPurge({ ...core }, { profileId: 'local', fileUrls: ['x'] })).toBeUndefined();
    const fileUrl = `${localLibrary.urlEndpoint}/uploaded/a.jpg?updatedAt=5`;
    const fromUploads = await suggestPurge(core, { profileId: 'local', fileUrls: [fileUrl], filePath: '/uploaded/a.jpg' });
    expect(fromUploads).toMatchObject({ reason: 'overwrite', urls: [`${localLibrary.urlEndpoint}/uploaded/a.jpg`], state: 'open' });
    const restored = `${localLibrary.urlEndpoint}/restored/a.jpg`;
    const suggested = await call('purge.suggest', { fileUrls: [restored], reason: 'restore', filePath: '/restored/a.jpg' });
    expect(suggested).toMatchObject({ ok: true, data: { reason: 'restore', urls: [restored], state: 'open' } });
    expect(pushed.filter((p) => p.event === 'purge.suggested')).toHaveLength(2);
    expect(await call('purge.suggestions')).toMatchObject({ ok: true, data: [{ filePath: '/restored/a.jpg' }, { filePath: '/uploaded/a.jpg' }] });
  });

  it('notices an SDK overwrite with purge.checkForChanges', async () => {
    const sdk = new ImageKit({ privateKey: localLibrary.privateKey, baseURL: localLibrary.apiUrl, maxRetries: 0 });
    expect(await call('purge.checkForChanges')).toMatchObject({ ok: true, data: { suggested: [] } });
    await putSwatch(sdk, '/seen', 'a.png', '#ff0000');
    await putSwatch(sdk, '/seen', 'a.png', '#00ff00');
    const found = await call('purge.checkForChanges');
    expect(found).toMatchObject({ ok: true, data: { suggested: [{ reason: 'overwrite', filePath: '/seen/a.png' }] } });
  });

  it('validates metadata tool input', async () => {
    expect(await call('purge.fileMetadata', { filePath: 'photos/a.jpg' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'filePath: A file path starts with / (e.g. /folder/file.jpg).' } });
    expect(await call('purge.fileMetadata', { filePath: '/missing.jpg' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('purge.urlMetadata', { url: 'not a url' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'url: Enter a full URL (https://…).' } });
    expect(await call('purge.findSimilar', { referencePath: '/a.jpg', folderPath: 'photos' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'folderPath: A folder path starts with /.' } });
  });
});
