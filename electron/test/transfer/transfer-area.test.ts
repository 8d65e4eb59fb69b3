import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../../emulator/test/helpers/fixtures';
import { startTestEmulator, type TestEmulator } from '../../../emulator/test/helpers/emulator';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { startAppHarness, startCoreHarness, type AppHarness } from '../helpers/core-harness';
import { createTransferAreaWith } from '../../services/transfer/area';
import { listTree, upload } from './transfer-harness';

/**
 * The transfer area over the app's own composition and router (output validation on): the calls a
 * "Copy to profile…" dialog makes — plan, review, start with per-row choices, follow the job's
 * events, read the report — and the errors it must show.
 */
let app: AppHarness;
let a: TestEmulator;
let b: TestEmulator;
let idA: string;
let idB: string;

beforeAll(async () => {
  a = await startTestEmulator({ privateKey: 'private_area_a', publicKey: 'public_area_a', id: 'area_a' });
  b = await startTestEmulator({ privateKey: 'private_area_b', publicKey: 'public_area_b', id: 'area_b' });
  app = await startAppHarness('transfer-area', { version: 'test', keychain: new MemorySecretStore() });
  idA = (await app.data('profiles.save', { name: 'A', urlEndpoint: a.urlEndpoint, publicKey: 'public_area_a', privateKey: 'private_area_a' })).profile.id;
  idB = (await app.data('profiles.save', { name: 'B', urlEndpoint: b.urlEndpoint, publicKey: 'public_area_b', privateKey: 'private_area_b' })).profile.id;
  await upload(a.sdk, '/shoot/x.png', await pngBytes(10, 10, '#010203'), { tags: ['x'] });
  await upload(a.sdk, '/shoot/y.png', await pngBytes(11, 10, '#040506'), { tags: ['y'] });
  await upload(b.sdk, '/in/y.png', await pngBytes(12, 10, '#070809'), { tags: ['old'] });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await a?.close();
  await b?.close();
});

describe('transfer area (contract channels)', () => {
  it('plans, starts with a per-row choice, pushes progress and job changes, and reports', async () => {
    const plan = await app.data('transfer.plan', { source: { profileId: idA, path: '/shoot' }, target: { profileId: idB, path: '/in' } });
    expect(plan.totals.byAction).toMatchObject({ create: 1, conflict: 1 });
    expect(plan.rows.find((r) => r.relPath === 'y.png')).toMatchObject({ action: 'conflict', choosable: true });

    const undecided = await app.call('transfer.start', { planId: plan.planId });
    expect(undecided).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const job = await app.data('transfer.start', { planId: plan.planId, perRow: { 'y.png': 'keep-both' } });
    expect(job).toMatchObject({ origin: 'app', state: 'running' });
    const done = await app.waitFor('transfer.jobChanged', (v) => v.id === job.id && v.state === 'done', 30_000);
    expect(done.progress).toMatchObject({ files: { done: 2, total: 2 } });
    expect(app.events.some((e) => e.name === 'transfer.progress')).toBe(true);

    const report = await app.data('transfer.report', { jobId: job.id });
    expect(report).toMatchObject({ outcome: 'complete' });
    expect((await listTree(b.sdk, '/in')).map((f) => f.name)).toEqual(['x.png', 'y-1.png', 'y.png']);
    expect((await app.data('transfer.jobs')).map((j) => j.id)).toContain(job.id);
    expect(await app.call('transfer.start', { planId: plan.planId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers bad paths, unknown profiles and unknown jobs with typed errors and writes nothing', async () => {
    const escape = await app.call('transfer.plan', { source: { profileId: idA, path: '/shoot/../..' }, target: { profileId: idB, path: '/in' } });
    expect(escape).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const missing = await app.call('transfer.plan', { source: { profileId: idA, path: '/no-such-folder' }, target: { profileId: idB, path: '/in' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('/no-such-folder') } });
    const unknown = await app.call('transfer.plan', { source: { profileId: 'nope', path: '/' }, target: { profileId: idB, path: '/in' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const self = await app.call('transfer.plan', { source: { profileId: idA, path: '/shoot' }, target: { profileId: idA, path: '/shoot/inner' } });
    expect(self).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await app.call('transfer.report', { jobId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await app.call('transfer.pause', { jobId: 'no-such-job' })).toMatchObject({ ok: false });
    expect(await listTree(a.sdk, '/shoot/inner')).toEqual([]);
  });
});

describe('transfer area after the app stopped mid-job', () => {
  it('resumes its own interrupted job on the next start and finishes it exactly once', async () => {
    const core = await startCoreHarness('transfer-resume');
    const slow = await startTestEmulator({ privateKey: 'private_slow', publicKey: 'public_slow', id: 'slow', faults: 'delay:60:1' });
    try {
      const source = (await core.core.profiles.save({ name: 'src', urlEndpoint: a.urlEndpoint, publicKey: 'public_area_a', privateKey: 'private_area_a', keyStorage: 'keychain' })).id;
      const target = (await core.core.profiles.save({ name: 'slow', urlEndpoint: slow.urlEndpoint, publicKey: 'public_slow', privateKey: 'private_slow', keyStorage: 'keychain' })).id;
      for (let i = 0; i < 8; i++) await upload(a.sdk, `/resume/r${i}.bin`, Buffer.alloc(3000 + i, i));
      const first = await createTransferAreaWith({ concurrency: 1 })(core.core);
      const plan = await first.handlers['transfer.plan']!({ source: { profileId: source, path: '/resume' }, target: { profileId: target, path: '/resumed' }, mode: 'copy', versions: false, deleteExtraneous: false, onConflict: 'ask' }, { transport: 'test' });
      const job = await first.handlers['transfer.start']!({ planId: plan.planId }, { transport: 'test' });
      await core.waitFor('transfer.progress', (p) => p.jobId === job.id && p.files.done >= 2, 30_000);
      await first.close?.(); // the app quits mid-job
      const partial = (await listTree(slow.sdk, '/resumed')).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(8);

      const second = await createTransferAreaWith()(core.core);
      try {
        await core.waitFor('transfer.jobChanged', (v) => v.id === job.id && v.state === 'done', 60_000);
        expect(await second.handlers['transfer.report']!({ jobId: job.id }, { transport: 'test' })).toMatchObject({ outcome: 'complete', totals: { done: 8, verified: 8 } });
        const names = (await listTree(slow.sdk, '/resumed')).map((f) => f.name);
        expect(names).toEqual(Array.from({ length: 8 }, (_, i) => `r${i}.bin`));
      } finally {
        await second.close?.();
      }
    } finally {
      await slow.close();
      await core.close();
    }
  });
});
