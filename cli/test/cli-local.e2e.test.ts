import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../emulator/test/helpers/fixtures';
import { runCli, spawnCli } from './cli-harness';

/**
 * The command line against the Local library it starts in its own process (the embedded emulator,
 * over real HTTP), with no keychain: every command in human and --json form, and the exit codes
 * of bad input, which must change nothing.
 */
let root: string;
let dataDir: string;
const env = { MEDIADESK_KEYCHAIN: 'off' };
const cli = (...args: string[]) => runCli(['--data', dataDir, ...args], { env });

interface Listed {
  name: string;
  filePath?: string;
  type: string;
  tags?: string[] | null;
  customCoordinates?: string | null;
  description?: string;
  isPrivateFile?: boolean;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-cli-local-'));
  dataDir = path.join(root, 'data');
  await writeFile(path.join(root, 'photo.png'), await pngBytes(30, 20, '#445566'));
  await writeFile(path.join(root, 'notes.bin'), randomBytes(5000));
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('mediadesk with the Local library (no keychain needed)', () => {
  it('lists the profiles: the Local library, active', async () => {
    const human = await cli('profiles', 'list');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/\*\s*│ Local library/);
    const json = await cli('--json', 'profiles', 'list');
    expect(json.json()).toEqual([expect.objectContaining({ id: 'local', kind: 'local', active: true })]);
  });

  it('uploads files with tags (human and --json), and refuses a conflict without changing anything', async () => {
    const human = await cli('upload', path.join(root, 'photo.png'), '--folder', '/docs', '--tags', 'a,b');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('1 uploaded');
    const json = await cli('--json', 'upload', path.join(root, 'notes.bin'), '--folder', '/docs');
    expect(json.code).toBe(0);
    expect(json.json()).toEqual([expect.objectContaining({ state: 'done', targetPath: '/docs/notes.bin' })]);

    const again = await cli('--json', 'upload', path.join(root, 'photo.png'), '--folder', '/docs');
    expect(again.code).toBe(6);
    expect(again.json()).toEqual([expect.objectContaining({ state: 'conflict', targetPath: null })]);
    const replaced = await cli('upload', path.join(root, 'photo.png'), '--folder', '/docs', '--on-conflict', 'replace', '--tags', 'a,b');
    expect(replaced.code).toBe(0);
  });

  it('lists folders and searches, and says what is wrong with a bad path or query', async () => {
    const human = await cli('ls', '/docs');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('photo.png');
    expect(human.stdout).toContain('2 file(s), 0 folder(s)');
    const json = (await cli('--json', 'ls', '/docs')).json<Listed[]>();
    expect(json.map((e) => e.name).sort()).toEqual(['notes.bin', 'photo.png']);
    expect(json.find((e) => e.name === 'photo.png')?.tags).toEqual(['a', 'b']);

    const search = await cli('--json', 'ls', '--search', 'tags IN ["a"]');
    expect(search.code).toBe(0);
    expect(search.json<Listed[]>().map((e) => e.filePath)).toEqual(['/docs/photo.png']);

    const badQuery = await cli('ls', '--search', 'tags IN [');
    expect(badQuery.code).toBe(2);
    expect(badQuery.stderr).toMatch(/Could not list the library: .+/);
    const missing = await cli('--json', 'ls', '/nothing-here');
    expect(missing.code).toBe(3);
    expect(missing.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('/nothing-here') } });
    const escape = await cli('ls', '/docs/../etc');
    expect(escape.code).toBe(2);
    expect(escape.stderr).toContain('".."');
  });

  it('builds delivery URLs, signed with an expiry, and refuses bad options', async () => {
    const plain = await cli('url', '/docs/photo.png', '--tr', 'w-10,h-10');
    expect(plain.code).toBe(0);
    const url = plain.stdout.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/local\/docs\/photo\.png\?tr=w-10,h-10$/);
    const signed = (await cli('--json', 'url', '/docs/photo.png', '--signed', '--expires', '300')).json<{ url: string; signed: boolean }>();
    expect(signed.signed).toBe(true);
    expect(signed.url).toMatch(/ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    expect((await cli('url', '/docs/photo.png', '--expires', '300')).code).toBe(2);
    const badTr = await cli('url', '/docs/photo.png', '--tr', 'w-banana');
    expect(badTr.code).toBe(2);
    expect(badTr.stderr).toContain('w-banana');
  });

  it('purges a library path of the profile and refuses a URL outside it without sending anything', async () => {
    const human = await cli('purge', '/docs/photo.png');
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/\/local\/docs\/photo\.png/);
    const json = await cli('--json', 'purge', '/docs/photo.png', '--wait');
    expect(json.code).toBe(0);
    expect(json.json()).toEqual([{ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/local\/docs\/photo\.png$/), requestId: expect.any(String), status: 'Completed' }]);
    const bad = await cli('purge', 'https://example.com/x.png');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Nothing was purged');
  });

  it('downloads a folder with its manifest and uploads it back with its fields (a backup round trip)', async () => {
    const out = path.join(root, 'backup');
    const human = await cli('download', '/docs', '--to', out);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('2 file(s), 2 downloaded');
    const again = (await cli('--json', 'download', '/docs', '--to', out)).json<{ downloaded: number; unchanged: number }[]>();
    expect(again).toEqual([expect.objectContaining({ downloaded: 0, unchanged: 2 })]);
    const manifest = JSON.parse(await readFile(path.join(out, 'docs', 'mediadesk-manifest.json'), 'utf8')) as { files: { path: string; fields: { tags: string[] } }[] };
    expect(manifest.files.find((f) => f.path === 'photo.png')?.fields.tags).toEqual(['a', 'b']);
    expect(await readFile(path.join(out, 'docs', 'photo.png'))).toEqual(await readFile(path.join(root, 'photo.png')));

    const restore = await cli('upload', path.join(out, 'docs'), '--folder', '/restored');
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    const restored = (await cli('--json', 'ls', '/restored/docs')).json<Listed[]>();
    expect(restored.map((e) => [e.name, e.tags])).toEqual(
      expect.arrayContaining([
        ['photo.png', ['a', 'b']],
        ['notes.bin', null],
      ]),
    );
  });

  it('transfers and syncs within the Local library: plan, run, nothing the second time, deletions only when asked', async () => {
    const dry = await cli('--json', 'transfer', 'local:/docs', 'Local library:/copy', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.json<{ plan: { totals: { byAction: { create: number } } } }>().plan.totals.byAction.create).toBe(2);
    const run = await cli('transfer', 'local:/docs', 'local:/copy');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/complete\. 2 transferred, 0 skipped, 0 failed, 2 verified/);
    const second = await cli('--json', 'transfer', 'local:/docs', 'local:/copy');
    expect(second.json()).toMatchObject({ outcome: 'complete', totals: { done: 0, skipped: 2 } });

    await cli('upload', path.join(root, 'notes.bin'), '--folder', '/copy/extra');
    const keep = await cli('--json', 'sync', 'local:/docs', 'local:/copy', '--dry-run');
    expect(keep.json<{ plan: { totals: { byAction: { delete: number } } } }>().plan.totals.byAction.delete).toBe(0);
    const sync = await cli('--json', 'sync', 'local:/docs', 'local:/copy', '--delete');
    expect(sync.code).toBe(0);
    expect(sync.json()).toMatchObject({ outcome: 'complete', totals: { done: 1 } });
    const left = (await cli('--json', 'ls', '/copy/extra')).json<Listed[]>();
    expect(left).toEqual([]);

    const inside = await cli('transfer', 'local:/docs', 'local:/docs/sub');
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('inside');
  });

  it('lists transfer jobs and shows a report, in both forms; chooses the active profile', async () => {
    const human = await cli('jobs');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/done\s*│ \d{4}-\d\d-\d\d/);
    const jobs = (await cli('--json', 'jobs', 'list')).json<{ id: string; state: string; origin: string }[]>();
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs.every((j) => j.origin === 'cli' && j.state === 'done')).toBe(true);
    const reportFile = path.join(root, 'job-report.json');
    const shown = await cli('jobs', 'show', jobs[0].id, '--report', reportFile);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Job ${jobs[0].id}: complete.`);
    expect(JSON.parse(await readFile(reportFile, 'utf8'))).toMatchObject({ jobId: jobs[0].id, format: 'mediadesk-transfer-report' });
    expect((await cli('--json', 'jobs', 'show', jobs[0].id)).json()).toMatchObject({ jobId: jobs[0].id, outcome: 'complete' });
    expect((await cli('jobs', 'show', 'no-such-job')).code).toBe(3);

    const use = await cli('--json', 'profiles', 'use', 'local');
    expect(use.code).toBe(0);
    expect(use.json()).toMatchObject({ id: 'local', active: true });
    expect((await cli('profiles', 'use', 'Local library')).stdout).toContain('"Local library" is now the active profile.');
  });

  it('refuses an unknown profile or command with exit code 2 and leaves the settings as they were', async () => {
    const settings = await readFile(path.join(dataDir, 'settings.json'), 'utf8');
    const unknown = await cli('--profile', 'nope', 'ls');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no profile named "nope". Profiles: Local library.');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('transfer', 'no-colon', 'local:/x')).code).toBe(2);
    expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(settings);
  });

  it('runs as the real mediadesk binary with the documented exit codes', async () => {
    const help = await spawnCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const missing = await spawnCli(['--data', dataDir, '--json', 'ls', '/nothing-here'], { env });
    expect(missing.code).toBe(3);
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
