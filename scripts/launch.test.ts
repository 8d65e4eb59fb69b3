import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/launch.mjs runs `npm start` and `npm run web` from a cached bundle. It must behave as tsx did:
 * current code after every edit, each module's own import.meta.url, the entry's own argv; and sharp
 * must load only when first used.
 */
const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;
let cache: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-launch-'));
  cache = path.join(dir, 'cache');
  await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
  await writeFile(path.join(dir, 'nested', 'deeper', 'where.ts'), 'export const where: string = import.meta.url;\nexport const version = 1;\n');
  await writeFile(
    path.join(dir, 'entry.ts'),
    [
      "import sharp from 'sharp';",
      "import { where, version } from './nested/deeper/where';",
      'const loaded = () => Object.keys(require.cache).some((file) => file.includes(`${"/node_modules/sharp/"}`));',
      'const before = loaded();',
      'const vips: string = sharp.versions.vips;',
      'const image = await sharp({ create: { width: 2, height: 3, channels: 3, background: "#fff" } }).png().toBuffer();',
      'const meta = await sharp(image).metadata();',
      'console.log(JSON.stringify({ entry: import.meta.url, where, version, argv: process.argv.slice(2), before, after: loaded(), vips: typeof vips, size: [meta.width, meta.height] }));',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function launch(...args: string[]) {
  const { stdout } = await run(process.execPath, [path.join(repoRoot, 'scripts', 'launch.mjs'), path.join(dir, 'entry.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, MEDIADESK_LAUNCH_CACHE: cache },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function builds(): Promise<string[]> {
  const [entryDir] = await readdir(cache);
  return (await readdir(path.join(cache, entryDir!), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
}

describe('scripts/launch.mjs', () => {
  it('runs the entry with its own arguments and each module with its own import.meta.url', async () => {
    const out = await launch('--web', '--port', '0');
    expect(out.argv).toEqual(['--web', '--port', '0']);
    expect(out.entry).toBe(pathToFileURL(path.join(dir, 'entry.ts')).href);
    expect(out.where).toBe(pathToFileURL(path.join(dir, 'nested', 'deeper', 'where.ts')).href);
  }, 60_000);

  it('loads sharp on first use only, and then sharp works as imported', async () => {
    const out = await launch();
    expect(out.before).toBe(false);
    expect(out.after).toBe(true);
    expect(out.vips).toBe('string');
    expect(out.size).toEqual([2, 3]);
  }, 60_000);

  it('reuses the build while nothing changed, and rebuilds after an edit', async () => {
    await launch();
    const first = await builds();
    expect(first).toHaveLength(1);
    expect((await launch()).version).toBe(1);
    expect(await builds()).toEqual(first);

    const where = path.join(dir, 'nested', 'deeper', 'where.ts');
    await writeFile(where, (await readFile(where, 'utf8')).replace('version = 1', 'version = 2'));
    expect((await launch()).version).toBe(2);
    const after = await builds();
    expect(after).toHaveLength(2);
    expect(after).toEqual(expect.arrayContaining(first));
  }, 60_000);

  it('rebuilds when a file it was built from is gone, and fails with a message when the code does not compile', async () => {
    await writeFile(path.join(dir, 'entry.ts'), "import { version } from './nested/gone';\nconsole.log(JSON.stringify({ version }));\n");
    await writeFile(path.join(dir, 'nested', 'gone.ts'), 'export const version = 3;\n');
    expect((await launch()).version).toBe(3);
    await rm(path.join(dir, 'nested', 'gone.ts'));
    const failed = await launch().catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('launch: could not build');
  }, 60_000);
});
