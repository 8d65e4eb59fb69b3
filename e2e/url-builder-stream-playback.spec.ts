// Adaptive streams play in the URL builder: a clip made at test time with ffmpeg's own sources is streamed
// as HLS with two renditions, played in the preview by hls.js (Chromium has no native HLS) through the app's
// own channel, under the real build's strict CSP; the readout names the rendition on screen and a forced
// rendition is the one decoded. A private clip's stream plays signed, every part through its signed URLs.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { localSdk, openBuilder, type Builder } from './support/builder-page';
import { requireMediaTools } from '../emulator/src/video/ffmpeg-locator';
import { runTool } from '../emulator/src/video/run-tool';

test.use({ viewport: { width: 1400, height: 1600 } });

/** A 1280×720 H.264/AAC clip of `seconds` from ffmpeg's testsrc2 and sine sources. */
async function makeClip(seconds: number): Promise<Buffer> {
  const tools = requireMediaTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-stream-'));
  const out = path.join(dir, 'clip.mp4');
  try {
    await runTool(tools.ffmpeg.path, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${seconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', String(seconds), out,
    ]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** CSP violations from before the first script runs (see shell.spec.ts). */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Stream mode with only these renditions ticked. */
async function streamWith(builder: Builder, heights: number[]): Promise<void> {
  await builder.region.getByRole('radio', { name: 'Adaptive stream' }).click();
  const group = builder.region.getByRole('group', { name: 'Renditions' });
  for (const h of [240, 360, 480, 720, 1080]) {
    const box = group.getByRole('checkbox', { name: `${h}p` });
    if (heights.includes(h)) await box.check();
    else await box.uncheck();
  }
}

/**
 * The readout once the manifest is read: before the first segment it counts the renditions; once one is on
 * screen (preload shows the first frame) it names that one, paused.
 */
function readyText(count: number, heights: string): RegExp {
  return new RegExp(`^(Ready: ${count} renditions?; press play\\.|Paused on (${heights})p \\(decoding \\d+ × (${heights})\\) · .*)$`);
}

/** Starts playback (muted, as a page may without a gesture) and waits until the clock has moved. */
async function playUntilItAdvances(builder: Builder): Promise<number> {
  const player = builder.preview.getByLabel('Stream player');
  await player.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 }).toBeGreaterThan(0.5);
  return player.evaluate((v: HTMLVideoElement) => v.currentTime);
}

async function screenshots(page: Page, builder: Builder, testInfo: TestInfo, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR ?? testInfo.outputPath('screens');
  await mkdir(dir, { recursive: true });
  for (const theme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height });
      await builder.preview.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, `${name}-${width}x${height}-${theme}.png`) });
    }
  }
}

test('an HLS stream of a clip plays in the builder preview, says which rendition is on screen, and switches on request', async ({ page, webHost }, testInfo) => {
  test.setTimeout(300_000);
  const violations = await recordCspViolations(page);
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  const builder = await openBuilder(page, webHost);
  // hls.js is not part of starting the app, nor of opening the builder: it loads with the first stream.
  expect(scripts.filter((p) => /hls/i.test(p))).toEqual([]);
  const { sdk, endpoint } = localSdk(webHost);
  await sdk.files.upload({ file: await toFile(await makeClip(6), 'stream-clip.mp4'), fileName: 'stream-clip.mp4', useUniqueFileName: false });

  await builder.setSource('/stream-clip.mp4');
  await streamWith(builder, [240, 480]);
  await expect(builder.region.getByRole('textbox', { name: 'HLS URL' })).toHaveValue(`${endpoint}/stream-clip.mp4/ik-master.m3u8?tr=sr-240_480`);

  // The player reads the manifest (after the builder waited for it to be packaged) and offers both renditions.
  const readout = builder.preview.getByRole('status', { name: 'Stream playback' });
  await expect(readout).toHaveText(readyText(2, '240|480'), { timeout: 120_000 });
  expect(scripts.filter((p) => /hls/i.test(p))).toEqual([expect.stringMatching(/^\/assets\/hls\.light-[\w-]+\.js$/)]);
  const picker = builder.preview.getByRole('combobox', { name: 'Play rendition' });
  await expect(picker.locator('option')).toHaveText(['Auto (adapts to the connection)', /^240p · 42\d × 240 · [\d,]+ kbit\/s$/, /^480p · 85[2-4] × 480 · [\d,]+ kbit\/s$/]);

  await playUntilItAdvances(builder);
  await expect(readout).toHaveText(/^Playing (240|480)p \(decoding \d+ × (240|480)\) · [\d,]+ kbit\/s · chosen automatically$/);

  // Forcing 480p: the readout and the decoded picture both become 480p.
  await picker.selectOption({ label: (await picker.locator('option').nth(2).textContent()) ?? '' });
  await expect(readout).toHaveText(/^Playing 480p \(decoding 85[2-4] × 480\) · [\d,]+ kbit\/s · chosen by you$/, { timeout: 30_000 });
  const player = builder.preview.getByLabel('Stream player');
  expect(await player.evaluate((v: HTMLVideoElement) => v.videoHeight)).toBe(480);
  const before = await player.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(before);
  // hls.js plays through Media Source Extensions: the element's source is a blob: URL, not the manifest.
  expect(await player.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/^blob:/);
  await expect(builder.preview.getByRole('alert')).toHaveCount(0);

  // The React code beside the page snippet builds the same manifest with buildSrc.
  const react = builder.region.getByRole('textbox', { name: 'React' });
  await expect(react).toHaveValue(/import \{ buildSrc \} from '@imagekit\/react';[\s\S]*src: "\/stream-clip\.mp4\/ik-master\.m3u8",[\s\S]*streamingResolutions: \["240", "480"\]/);

  await player.evaluate((v: HTMLVideoElement) => v.pause());
  await expect(readout).toHaveText(/^Paused on 480p /);
  await screenshots(page, builder, testInfo, 'stream-preview');

  // DASH is not played here (hls.js reads HLS); the preview offers to switch back, and the player returns.
  await page.setViewportSize({ width: 1400, height: 1600 });
  await builder.region.getByRole('radio', { name: 'DASH (ik-master.mpd)' }).click();
  const watchAsHls = builder.preview.getByRole('button', { name: 'Watch it as HLS' });
  await expect(watchAsHls).toBeVisible({ timeout: 120_000 });
  await expect(builder.preview.getByLabel('Stream player')).toHaveCount(0);
  await watchAsHls.click();
  await expect(builder.region.getByRole('radio', { name: 'HLS (ik-master.m3u8)' })).toBeChecked();
  await expect(readout).toHaveText(readyText(2, '240|480'), { timeout: 60_000 });
  expect(await violations()).toEqual([]);
});

test('a private clip’s stream plays from its signed URL; unsigned it is refused with what to do', async ({ page, webHost }) => {
  test.setTimeout(240_000);
  const violations = await recordCspViolations(page);
  const builder = await openBuilder(page, webHost);
  const { sdk, endpoint } = localSdk(webHost);
  await sdk.files.upload({ file: await toFile(await makeClip(4), 'private-stream.mp4'), fileName: 'private-stream.mp4', useUniqueFileName: false, isPrivateFile: true });

  await builder.setSource('/private-stream.mp4');
  await streamWith(builder, [240]);
  await expect(builder.preview.getByRole('alert')).toContainText(/HTTP 40[13]/, { timeout: 60_000 });

  await builder.region.getByRole('checkbox', { name: 'Signed URL' }).check();
  const hlsUrl = builder.region.getByRole('textbox', { name: 'HLS URL' });
  await expect(hlsUrl).toHaveValue(new RegExp(`^${endpoint.replace(/[.]/g, '\\.')}/private-stream\\.mp4/ik-master\\.m3u8\\?tr=sr-240&ik-s=[0-9a-f]{40}$`));
  const readout = builder.preview.getByRole('status', { name: 'Stream playback' });
  await expect(readout).toHaveText(readyText(1, '240'), { timeout: 120_000 });
  await playUntilItAdvances(builder);
  await expect(readout).toHaveText(/^Playing 240p \(decoding 42\d × 240\)/);
  await expect(builder.preview.getByRole('alert')).toHaveCount(0);

  // Signed, the React code carries the finished URL: buildSrc cannot sign in a browser.
  await expect(builder.region.getByRole('textbox', { name: 'React' })).toHaveValue(new RegExp(`const src = "${endpoint.replace(/[.]/g, '\\.')}/private-stream\\.mp4/ik-master\\.m3u8\\?tr=sr-240&ik-s=`));
  expect(await violations()).toEqual([]);
});
