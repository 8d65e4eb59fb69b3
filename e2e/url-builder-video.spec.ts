// The URL builder's video mode end to end: a clip made at test time with ffmpeg's own sources is uploaded
// to the Local library, opened in the builder, trimmed to a 480p WebM with a timed text layer (URL string
// checked, the preview <video> plays it at 480p), then streamed as HLS with two chosen renditions (the
// manifest lists exactly those) and signed for a private copy.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { axeScan } from './support/axe';
import { localSdk, openBuilder, type Builder } from './support/builder-page';
import { requireMediaTools } from '../emulator/src/video/ffmpeg-locator';
import { runTool } from '../emulator/src/video/run-tool';

test.use({ viewport: { width: 1400, height: 2000 } });

/** A 3 s 1280×720 H.264/AAC clip from ffmpeg's testsrc2 and sine sources. */
async function makeClip(): Promise<Buffer> {
  const tools = requireMediaTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'e2e-clip-'));
  const out = path.join(dir, 'clip.mp4');
  try {
    await runTool(tools.ffmpeg.path, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=3',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=3',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', '3', out,
    ]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fill(scope: Locator, label: string, value: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(value);
}

/** Serious and critical axe findings (WCAG 2 A/AA) inside the builder as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await axeScan(page, '.url-builder');
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until the preview player shows `url` and has decoded its current frame; returns what it reports. */
async function playerState(builder: Builder, url: string) {
  const video = builder.preview.getByLabel('Preview video');
  // Earlier drafts' renders stay on screen until the newest one is ready.
  await expect(video).toHaveAttribute('src', url, { timeout: 90_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  return video.evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight, duration: v.duration, src: v.currentSrc, poster: v.poster }));
}

test('builds a trimmed 480p WebM with a timed text layer, previews it, and streams it as HLS', async ({ page, webHost }) => {
  test.setTimeout(300_000);
  const builder = await openBuilder(page, webHost);
  const { sdk, endpoint } = localSdk(webHost);
  const clip = await makeClip();
  await sdk.files.upload({ file: await toFile(clip, 'e2e-clip.mp4'), fileName: 'e2e-clip.mp4', useUniqueFileName: false });

  // A video source switches the builder to Video mode and offers the video parameters.
  await builder.setSource('/e2e-clip.mp4');
  await expect(builder.region.getByRole('radio', { name: 'Video', exact: true })).toBeChecked();
  const step = builder.step('Step 1');
  await builder.addParameter('Step 1', 'Height', '480');
  await builder.addParameter('Step 1', 'Start offset', '1');
  await builder.addParameter('Step 1', 'Duration', '2');
  await builder.addParameter('Step 1', 'Format');
  const format = step.getByLabel('Format', { exact: true });
  await expect(format.locator('option')).toHaveText(['Choose…', 'auto', 'mp4', 'webm']);
  await format.selectOption('webm');
  // Image-only parameters are not offered on a video.
  await expect(step.getByRole('combobox', { name: 'Add parameter to Step 1' }).locator('option', { hasText: 'Blur' })).toHaveCount(0);

  await step.getByRole('group', { name: 'Step 1 overlays' }).getByRole('button', { name: 'Add text overlay' }).click();
  const overlay = step.getByRole('group', { name: 'Step 1 text overlay', exact: true });
  await fill(overlay, 'Overlay text', 'Hello');
  const timing = overlay.getByRole('group', { name: 'Step 1 text overlay timing' });
  await fill(timing, 'Layer start', '0.5');
  await fill(timing, 'Layer duration', '1');
  const layerStep = overlay.getByRole('group', { name: 'Step 1 layer step 1', exact: true });
  await fill(layerStep, 'Font size', '40');
  await fill(layerStep, 'Font colour', 'FFFFFF');

  const tr = 'h-480,so-1,du-2,f-webm,l-text,i-Hello,lso-0.5,ldu-1,fs-40,co-FFFFFF,l-end';
  await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:${tr}/e2e-clip.mp4`);

  const played = await playerState(builder, `${endpoint}/tr:${tr}/e2e-clip.mp4`);
  expect(played.height).toBe(480);
  // 1280×720 scaled to a height of 480 keeps the shape: 853⅓ px wide, rounded by the encoder.
  expect(Math.abs(played.width - 853.33)).toBeLessThan(1.5);
  expect(played.duration).toBeGreaterThan(1.8);
  expect(played.duration).toBeLessThan(2.3);
  expect(played.src).toBe(`${endpoint}/tr:${tr}/e2e-clip.mp4`);
  // The poster is the thumbnail with what a thumbnail takes of the chain: the size and the trim start as frame
  // time; the text layer starts at 0.5 s, so it is not on the first frame and not on the poster.
  expect(played.poster).toBe(`${endpoint}/tr:h-480,so-1/e2e-clip.mp4/ik-thumbnail.jpg`);
  await expect(builder.details).toContainText(/85[34] × 480 px/);
  await expect(builder.details).toContainText('WEBM');
  const html = builder.region.getByRole('textbox', { name: 'HTML', exact: true });
  await expect(html).toHaveValue(new RegExp(`^<video src="${endpoint.replace(/[.]/g, '\\.')}/tr:h-480[^"]*" poster="[^"]*ik-thumbnail\\.jpg" controls`));
  // The @imagekit/react form: <Video> with the steps as SDK objects and the poster from buildSrc.
  await expect(builder.region.getByRole('textbox', { name: 'React' })).toHaveValue(
    /^import \{ buildSrc, Video \} from '@imagekit\/react';\n\n<Video\n {2}urlEndpoint="[^"]+"\n {2}src="\/e2e-clip\.mp4"\n {2}transformation=\{\[\n\s+\{\n\s+height: 480,\n\s+startOffset: 1,\n\s+duration: 2,\n\s+format: "webm",[\s\S]*transformationPosition="path"\n {2}poster=\{buildSrc\(\{[\s\S]*src: "\/e2e-clip\.mp4\/ik-thumbnail\.jpg",[\s\S]*\n {2}controls\n/,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // Adaptive stream with two renditions: the manifest lists exactly those.
  await builder.region.getByRole('radio', { name: 'Adaptive stream' }).click();
  const renditions = builder.region.getByRole('group', { name: 'Renditions' });
  for (const height of ['360p', '720p', '1080p']) await renditions.getByRole('checkbox', { name: height }).uncheck();
  await expect(renditions.getByRole('checkbox', { checked: true })).toHaveCount(2);
  // Format is left out: the stream encodes its renditions itself.
  const streamTr = 'h-480,so-1,du-2,l-text,i-Hello,lso-0.5,ldu-1,fs-40,co-FFFFFF,l-end,sr-240_480';
  const hlsUrl = `${endpoint}/e2e-clip.mp4/ik-master.m3u8?tr=${streamTr}`;
  await expect(builder.region.getByRole('textbox', { name: 'HLS URL' })).toHaveValue(hlsUrl);
  await expect(builder.region.getByRole('textbox', { name: 'DASH URL' })).toHaveValue(`${endpoint}/e2e-clip.mp4/ik-master.mpd?tr=${streamTr}`);
  await expect(builder.urlOutput).toHaveValue(hlsUrl);
  const listed = builder.preview.getByRole('list', { name: 'Renditions in the manifest' });
  await expect(listed.getByRole('listitem')).toHaveText([/^240p · 42\d × 240/, /^480p · 85[2-4] × 480/], { timeout: 90_000 });
  await expect(builder.region.getByRole('textbox', { name: 'Player snippet' })).toHaveValue(/hls\.js@1[\s\S]*ik-master\.m3u8\?tr=/);
  expect(await seriousViolations(page)).toEqual([]);

  const manifest = await page.request.get(hlsUrl);
  expect(manifest.status()).toBe(200);
  const text = await manifest.text();
  const heights = [...text.matchAll(/RESOLUTION=\d+x(\d+)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  expect(heights).toEqual([240, 480]);
});

test('pasting a private video stream URL fills Adaptive stream mode and signs the manifest', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  const builder = await openBuilder(page, webHost);
  const { sdk, endpoint } = localSdk(webHost);
  await sdk.files.upload({ file: await toFile(await makeClip(), 'secret-clip.mp4'), fileName: 'secret-clip.mp4', useUniqueFileName: false, isPrivateFile: true });

  await builder.paste(`${endpoint}/secret-clip.mp4/ik-master.mpd?tr=sr-360`);
  await expect(builder.region.getByRole('radio', { name: 'Adaptive stream' })).toBeChecked();
  await expect(builder.region.getByRole('radio', { name: 'DASH (ik-master.mpd)' })).toBeChecked();
  const chosen = builder.region.getByRole('group', { name: 'Renditions' }).getByRole('checkbox', { checked: true });
  await expect(chosen).toHaveCount(1);
  await expect(builder.region.getByRole('group', { name: 'Renditions' }).getByRole('checkbox', { name: '360p' })).toBeChecked();
  await expect(builder.region.getByRole('textbox', { name: 'Path or URL' })).toHaveValue('/secret-clip.mp4');

  // Unsigned, the private video is refused; signed, the manifest is served and lists the rendition.
  await expect(builder.preview.getByRole('alert')).toContainText(/HTTP 4\d\d/, { timeout: 60_000 });
  await builder.region.getByRole('checkbox', { name: 'Signed URL' }).check();
  const signed = builder.region.getByRole('textbox', { name: 'DASH URL' });
  await expect(signed).toHaveValue(new RegExp(`^${endpoint.replace(/[.]/g, '\\.')}/secret-clip\\.mp4/ik-master\\.mpd\\?tr=sr-360&ik-s=[0-9a-f]{40}$`));
  await expect(builder.preview.getByRole('list', { name: 'Renditions in the manifest' }).getByRole('listitem')).toHaveText([/^360p · 640 × 360/], { timeout: 90_000 });
  const response = await page.request.get(await signed.inputValue());
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('height="360"');
});
