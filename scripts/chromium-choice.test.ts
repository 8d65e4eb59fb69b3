import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, SYSTEM_CHROMIUM } from '../e2e/support/chromium';

/**
 * Which Chromium playwright.config.ts and the browser benches launch. Without the system package the
 * executable path must be left out (undefined), so Playwright uses its own downloaded Chromium
 * instead of failing on a path that does not exist.
 */
let dir: string;
let installed: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-chromium-'));
  installed = path.join(dir, 'chromium');
  await writeFile(installed, '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Chromium the e2e tests launch', () => {
  it("is Debian's package path by default", () => {
    expect(SYSTEM_CHROMIUM).toBe('/usr/bin/chromium');
  });

  it('is the system Chromium when it is installed', () => {
    expect(chromiumExecutable({}, installed)).toBe(installed);
  });

  it("is left to Playwright (its own download) when the system has none", () => {
    expect(chromiumExecutable({}, path.join(dir, 'not-installed'))).toBeUndefined();
  });

  it('is CHROMIUM_PATH when set, as given, so a wrong path fails loudly rather than silently switching browsers', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: '/opt/chrome/chrome' }, installed)).toBe('/opt/chrome/chrome');
  });
});
