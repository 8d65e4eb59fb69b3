import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleElectron } from '../../build/bundle-electron';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('Electron bundle', () => {
  it('builds main (ESM), the utility process and a self-contained CommonJS preload', async () => {
    const out = await bundleElectron(await tempDir());
    const preload = await readFile(path.join(out, 'preload.cjs'), 'utf8');
    // A sandboxed preload may require nothing but electron; it must not drag the zod schemas along.
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/zod|ZodError/);
    expect(preload.length).toBeLessThan(20_000);
    const main = await readFile(path.join(out, 'main.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(await readFile(path.join(out, 'local-library.js'), 'utf8')).toContain('parentPort');
  });
});
