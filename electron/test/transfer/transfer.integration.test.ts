import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { pngBytes } from '../../../emulator/test/helpers/fixtures';
import { TransferRequestError } from '../../services/transfer/transfer-service';
import type { TransferSpec } from '../../services/transfer/types';
import { listTree, originalBytes, sha256, startTwoAccounts, upload, versionChecksums, type TwoAccounts } from './transfer-harness';

/**
 * Transfers between two emulators standing in for two ImageKit accounts, over real HTTP with the
 * official SDK on both ends: every field and version checked on the target, a second run that
 * moves nothing, and a schema that stops the job before anything is written.
 */
let env: TwoAccounts;

const spec = (over: Partial<TransferSpec> = {}): TransferSpec => ({
  source: { kind: 'library', profileId: 'a', path: '/trip' },
  target: { profileId: 'b', path: '/copy' },
  mode: 'copy',
  versions: true,
  deleteExtraneous: false,
  onConflict: 'ask',
  ...over,
});

beforeAll(async () => {
  env = await startTwoAccounts();
  const { a, b } = env;
  await a.sdk.customMetadataFields.create({ name: 'brand', label: 'Brand', schema: { type: 'Text', maxLength: 50 } });
  await a.sdk.customMetadataFields.create({ name: 'rating', label: 'Rating', schema: { type: 'Number', minValue: 0, maxValue: 5 } });
  await b.sdk.customMetadataFields.create({ name: 'brand', label: 'Brand', schema: { type: 'Text' } });
  // /trip/a.png has three versions, each with its own fields.
  await upload(a.sdk, '/trip/a.png', await pngBytes(40, 30, '#112233'), { tags: ['old'], customMetadata: { brand: 'Acme' } });
  await upload(a.sdk, '/trip/a.png', await pngBytes(41, 30, '#223344'), { overwriteFile: true, tags: ['mid'], description: 'second' });
  await upload(a.sdk, '/trip/a.png', await pngBytes(42, 30, '#334455'), {
    overwriteFile: true,
    tags: ['sale', 'hero'],
    customMetadata: { brand: 'Nike', rating: 4 },
    customCoordinates: '2,3,10,12',
    description: 'the current one',
  });
  await upload(a.sdk, '/trip/day1/b.png', await pngBytes(20, 20, '#abcdef'), { isPrivateFile: true, tags: ['private-one'], customMetadata: { rating: 2 } });
  await upload(a.sdk, '/trip/day1/deep/c.bin', randomBytes(70_000), { tags: ['raw'] });
  await a.sdk.folders.create({ folderName: 'empty', parentFolderPath: '/trip' });
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('transfer between two ImageKit accounts', () => {
  it('plans, transfers nested folders with every version and field, creates the missing field, and verifies each file', async () => {
    const service = env.service();
    const plan = await service.plan(spec());
    expect(plan.blocked).toEqual([]);
    expect(plan.totals.byAction.create).toBe(3);
    expect(plan.rows.find((r) => r.relPath === 'a.png')).toMatchObject({ action: 'create', uploads: 3 });
    expect(plan.fieldsToCreate.map((f) => f.name)).toEqual(['rating']);
    expect(plan.folders).toEqual(expect.arrayContaining(['day1', 'day1/deep', 'empty']));

    const { job, release } = await service.start(plan);
    await job.run();
    await release();
    const report = job.report();
    expect(report.outcome, JSON.stringify(report.files)).toBe('complete');
    expect(report.totals).toMatchObject({ done: 3, failed: 0, verified: 3, verifyProblems: 0 });

    // The field was created with the source's schema.
    const fieldsB = await env.b.sdk.customMetadataFields.list();
    expect(fieldsB.find((f) => f.name === 'rating')?.schema).toMatchObject({ type: 'Number', minValue: 0, maxValue: 5 });
    // The empty folder travelled too.
    const folders = await env.b.sdk.assets.list({ type: 'folder', path: '/copy/' });
    expect(folders.map((f) => f.name)).toEqual(expect.arrayContaining(['day1', 'empty']));

    // Field by field, version by version, against the source.
    const source = await listTree(env.a.sdk, '/trip');
    const target = await listTree(env.b.sdk, '/copy');
    expect(target.map((f) => f.filePath)).toEqual(source.map((f) => f.filePath?.replace('/trip', '/copy')));
    for (const [i, src] of source.entries()) {
      const dst = target[i];
      for (const field of ['tags', 'customMetadata', 'customCoordinates', 'description', 'isPrivateFile', 'isPublished', 'size', 'name'] as const) {
        expect(dst[field], `${src.filePath} ${field}`).toEqual(src[field]);
      }
      expect(await versionChecksums(env.b, dst), src.filePath).toEqual(await versionChecksums(env.a, src));
      const srcVersions = await env.a.sdk.files.versions.list(src.fileId ?? '');
      const dstVersions = await env.b.sdk.files.versions.list(dst.fileId ?? '');
      const fieldsOf = (v: (typeof srcVersions)[number]) => ({ tags: v.tags, customMetadata: v.customMetadata, description: v.description, customCoordinates: v.customCoordinates });
      expect(dstVersions.map(fieldsOf)).toEqual(srcVersions.map(fieldsOf));
    }
  });

  it('moves nothing the second time: every file is skipped as the same content and fields', async () => {
    const service = env.service();
    const before = await listTree(env.b.sdk, '/copy');
    const versionsBefore = await Promise.all(before.map((f) => env.b.sdk.files.versions.list(f.fileId ?? '')));
    const plan = await service.plan(spec());
    expect(plan.totals.byAction).toMatchObject({ create: 0, replace: 0, 'update-fields': 0, skip: 3, conflict: 0 });
    expect(plan.fieldsToCreate).toEqual([]);
    const { job, release } = await service.start(plan);
    await job.run();
    await release();
    expect(job.report()).toMatchObject({ outcome: 'complete', totals: { done: 0, skipped: 3, bytesTransferred: 0 } });
    const after = await listTree(env.b.sdk, '/copy');
    expect(after.map((f) => [f.fileId, f.versionInfo?.id, f.updatedAt])).toEqual(before.map((f) => [f.fileId, f.versionInfo?.id, f.updatedAt]));
    const versionsAfter = await Promise.all(after.map((f) => env.b.sdk.files.versions.list(f.fileId ?? '')));
    expect(versionsAfter.map((v) => v.length)).toEqual(versionsBefore.map((v) => v.length));
  });

  it('syncs a file whose content changed at the same size (compared by checksum, never a stale cached copy)', async () => {
    const current = (await listTree(env.a.sdk, '/trip')).find((f) => f.name === 'c.bin');
    const bytes = await originalBytes(env.a, current!);
    bytes[0] ^= 0xff;
    await upload(env.a.sdk, '/trip/day1/deep/c.bin', bytes, { overwriteFile: true, tags: ['raw'] });
    const service = env.service();
    const plan = await service.plan(spec({ mode: 'sync', onConflict: 'replace' }));
    expect(plan.rows.find((r) => r.relPath === 'day1/deep/c.bin')).toMatchObject({ action: 'replace', reason: expect.stringContaining('content differs') });
    expect(plan.totals.byAction).toMatchObject({ replace: 1, skip: 2 });
    const { job, release } = await service.start(plan);
    await job.run();
    await release();
    expect(job.report()).toMatchObject({ outcome: 'complete', totals: { done: 1, verified: 1 } });
    const copied = (await listTree(env.b.sdk, '/copy')).find((f) => f.name === 'c.bin');
    expect(sha256(await originalBytes(env.b, copied!))).toBe(sha256(bytes));
  });

  it('moves: each source is deleted once its copy verified, and the report says where everything went', async () => {
    await upload(env.a.sdk, '/outbox/m1.bin', randomBytes(5000), { tags: ['m'] });
    await upload(env.a.sdk, '/outbox/sub/m2.bin', randomBytes(6000), { description: 'second' });
    const service = env.service();
    const { job, release } = await service.start(await service.plan(spec({ mode: 'move', source: { kind: 'library', profileId: 'a', path: '/outbox' }, target: { profileId: 'b', path: '/inbox' } })));
    await job.run();
    await release();
    const report = job.report();
    expect(report).toMatchObject({ outcome: 'complete', mode: 'move', totals: { done: 2, verified: 2 } });
    expect(report.setup.filter((s) => s.kind === 'source-delete').map((s) => [s.key, s.state])).toEqual([
      ['m1.bin', 'done'],
      ['sub/m2.bin', 'done'],
    ]);
    expect(await listTree(env.a.sdk, '/outbox')).toEqual([]);
    expect((await listTree(env.b.sdk, '/inbox')).map((f) => [f.filePath, f.tags, f.description ?? null])).toEqual([
      ['/inbox/m1.bin', ['m'], null],
      ['/inbox/sub/m2.bin', null, 'second'],
    ]);
  });

  it('stops before writing anything when the target field cannot hold the values, saying why', async () => {
    await env.b.sdk.customMetadataFields.create({ name: 'brand2', label: 'Brand two', schema: { type: 'Number' } });
    await env.a.sdk.customMetadataFields.create({ name: 'brand2', label: 'Brand two', schema: { type: 'Text' } });
    await upload(env.a.sdk, '/clash/x.png', await pngBytes(8, 8, '#ff0000'), { customMetadata: { brand2: 'Puma', rating: 9 } }).catch(async () => {
      // rating 9 is out of the source's own range: give a value the source accepts.
      await upload(env.a.sdk, '/clash/x.png', await pngBytes(8, 8, '#ff0000'), { customMetadata: { brand2: 'Puma' } });
    });
    const service = env.service();
    const plan = await service.plan(spec({ source: { kind: 'library', profileId: 'a', path: '/clash' }, target: { profileId: 'b', path: '/clash-copy' } }));
    expect(plan.blocked).toEqual([{ field: 'brand2', reason: expect.stringContaining('Text field on the source but a Number field on the target') }]);
    await expect(service.start(plan)).rejects.toBeInstanceOf(TransferRequestError);
    expect(await listTree(env.b.sdk, '/clash-copy')).toEqual([]);
    expect((await env.b.sdk.assets.list({ type: 'folder', path: '/' })).map((f) => f.name)).not.toContain('clash-copy');
  });
});
