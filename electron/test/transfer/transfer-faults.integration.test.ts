import { randomBytes } from 'node:crypto';
import ImageKit from '@imagekit/nodejs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferSpec } from '../../services/transfer/types';
import { listTree, startTwoAccounts, upload, versionChecksums, type TwoAccounts } from './transfer-harness';

/**
 * A target that rate-limits (429 with X-RateLimit-Reset) and fails (503, dropped connections) on
 * a share of its API requests, and a job paused and resumed in the middle: every file still lands
 * once, and verifies.
 */
let env: TwoAccounts | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

const spec: TransferSpec = { source: { kind: 'library', profileId: 'a', path: '/set' }, target: { profileId: 'b', path: '/got' }, mode: 'copy', versions: true, deleteExtraneous: false, onConflict: 'ask' };

async function seed(accounts: TwoAccounts, files: number): Promise<void> {
  for (let i = 0; i < files; i++) {
    await upload(accounts.a.sdk, `/set/f${i}.bin`, randomBytes(20_000 + i), { tags: [`t${i}`] });
    await upload(accounts.a.sdk, `/set/f${i}.bin`, randomBytes(21_000 + i), { overwriteFile: true, tags: [`t${i}`, 'v2'] });
  }
}

async function expectExactCopy(accounts: TwoAccounts): Promise<void> {
  // The check reads the target through its own faults too, so it retries (the SDK's policy).
  const b = { ...accounts.b, sdk: new ImageKit({ privateKey: accounts.b.privateKey, baseURL: accounts.b.apiUrl, maxRetries: 10 }) };
  const source = await listTree(accounts.a.sdk, '/set');
  const target = await listTree(b.sdk, '/got');
  expect(target.map((f) => f.name)).toEqual(source.map((f) => f.name));
  for (const [i, file] of target.entries()) {
    expect(await versionChecksums(b, file), file.filePath).toEqual(await versionChecksums(accounts.a, source[i]));
    expect(file.tags).toEqual(source[i].tags);
  }
}

describe('transfer under faults and interruptions', () => {
  it('honours 429s and retries 503s and dropped connections without writing anything twice', async () => {
    env = await startTwoAccounts({ faultsB: '429:0.15,503:0.1,drop:0.05' });
    await seed(env, 8);
    const service = env.service();
    const plan = await service.plan(spec);
    const { job, release } = await service.start(plan);
    await job.run();
    await release();
    const report = job.report();
    expect(report.outcome, JSON.stringify(report.files.filter((f) => f.error || f.problems.length))).toBe('complete');
    expect(report.totals).toMatchObject({ done: 8, verified: 8 });
    await expectExactCopy(env);
  });

  it('pauses mid-job and resumes to an exact copy', async () => {
    env = await startTwoAccounts({ faultsB: 'delay:40:1' });
    await seed(env, 10);
    const service = env.service({ concurrency: 2 });
    const { job, release } = await service.start(await service.plan(spec));
    const running = job.run();
    await new Promise<void>((resolve) => {
      job.on('item', (item) => {
        if (item.state === 'done') resolve();
      });
    });
    job.pause();
    await running;
    expect(job.state).toBe('paused');
    const paused = job.progress();
    expect(paused.files.done).toBeGreaterThan(0);
    expect(paused.files.done).toBeLessThan(10);
    expect(paused.files.running).toBe(0);
    await job.resume();
    await release();
    expect(job.report()).toMatchObject({ outcome: 'complete', totals: { done: 10, verified: 10 } });
    await expectExactCopy(env);
  });

  it('cancels: files already transferred stay, the rest is marked cancelled, and the report says so', async () => {
    env = await startTwoAccounts({ faultsB: 'delay:40:1' });
    await seed(env, 6);
    const service = env.service({ concurrency: 1 });
    const { job, release } = await service.start(await service.plan(spec));
    const running = job.run();
    await new Promise<void>((resolve) => job.on('item', (item) => item.state === 'done' && resolve()));
    await job.cancel();
    await running;
    await release();
    const report = job.report();
    expect(report.outcome).toBe('cancelled');
    expect(report.totals.done).toBeGreaterThan(0);
    expect(report.totals.cancelled).toBeGreaterThan(0);
    expect((await listTree(new ImageKit({ privateKey: env.b.privateKey, baseURL: env.b.apiUrl, maxRetries: 10 }), '/got')).length).toBe(report.totals.done);
  });
});
