// Videos in the library end to end: a 4 s 640×360 H.264/AAC clip made at test time from ffmpeg's testsrc2 and
// sine sources is dropped on the window and uploaded through the Uploads dialog, shows its ik-thumbnail.jpg frame
// and a 0:04 badge in the grid (and its duration in the list), plays in Details (time advances; a seek is served
// by HTTP Range with 206), and a poster frame is picked by time offset. A private clip plays through signed URLs.
import type { Locator, Page } from '@playwright/test';
import { toFile } from '@imagekit/nodejs';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localSdk } from './support/builder-page';
import { dropFiles } from './support/uploads-helpers';
import { makeClip } from '../emulator/test/video/clips';

test.use({ viewport: { width: 1400, height: 1000 } });

const ui = (page: Page) => ({
  files: page.getByRole('grid', { name: 'Files' }),
  file: (name: string) => page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true }),
  details: page.getByRole('complementary', { name: 'Details' }),
  uploads: page.getByRole('region', { name: 'Uploads' }),
  uploadDialog: page.getByRole('dialog', { name: /^Upload/ }),
});

/** Waits until the image has really loaded (a broken or refused URL has no natural size). */
async function expectLoaded(img: Locator): Promise<void> {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 60_000 }).toBe(true);
}

/** Plays the player muted (autoplay rules) and waits until its clock has moved on. */
async function playAndAdvance(player: Locator): Promise<number> {
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await player.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.3);
  return player.evaluate((v: HTMLVideoElement) => v.currentTime);
}

/** Sets the playhead and resolves once the element fires `seeked` there. */
function seekTo(player: Locator, seconds: number): Promise<number> {
  return player.evaluate(
    (v: HTMLVideoElement, to: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no seeked event after setting currentTime to ${to}`)), 20_000);
        v.addEventListener(
          'seeked',
          () => {
            clearTimeout(timer);
            resolve(v.currentTime);
          },
          { once: true },
        );
        v.pause();
        v.currentTime = to;
      }),
    seconds,
  );
}

test('upload a clip, see its thumbnail and duration, play and seek it in Details, pick a poster frame', async ({ page, webHost }) => {
  test.setTimeout(180_000);
  const clip = await makeClip({ width: 640, height: 360, seconds: 4, ext: 'mp4' });
  await new AppPage(page).open(webHost.url);
  const { endpoint } = localSdk(webHost);
  const ranges: number[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(`${endpoint}/clip.mp4`) && !response.url().includes('ik-thumbnail')) ranges.push(response.status());
  });
  const b = ui(page);

  // Upload through the UI, like any file: the dialog takes the video and the row reports progress to done.
  await dropFiles(page, [{ name: 'clip.mp4', content: clip, type: 'video/mp4' }]);
  await expect(b.uploadDialog).toHaveAccessibleName(/Upload 1 file/);
  await b.uploadDialog.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(b.uploads.getByRole('listitem', { name: /^clip\.mp4:/ })).toHaveAccessibleName(/Uploaded/, { timeout: 60_000 });

  // The grid: the video's own frame (ik-thumbnail.jpg through the grid's resize), a film badge with 0:04.
  const tile = b.file('clip.mp4');
  await expect(tile).toBeVisible({ timeout: 30_000 });
  const thumb = tile.locator('img');
  await expect(thumb).toHaveAttribute('src', /\/clip\.mp4\/ik-thumbnail\.jpg\?(updatedAt=\d+&)?tr=w-\d+,h-\d+,c-at_max$/);
  await expectLoaded(thumb);
  await expect(tile.getByTitle('Video, 4 seconds')).toHaveText('0:04');

  // The list view's Type column gives a video's duration (and, to screen readers, its type).
  await page.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: 'List' }).click();
  await expect(b.files.getByRole('row', { name: /clip\.mp4/ }).getByRole('gridcell').nth(1)).toHaveText('MP4 video, 0:04');
  await page.getByRole('toolbar', { name: 'View' }).getByRole('button', { name: 'Grid' }).click();

  // Details: the probed fields in words, and a player that plays and seeks.
  await b.file('clip.mp4').click();
  const fact = (term: string) => b.details.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Type')).toHaveText('MP4 video');
  await expect(fact('Dimensions')).toHaveText('640 × 360');
  await expect(fact('Duration')).toHaveText('0:04');
  await expect(fact('Bit rate')).toHaveText(/^\d+(\.\d+)? (kbps|Mbps)$/);
  await expect(fact('Video codec')).toHaveText('H.264 (AVC)');
  await expect(fact('Audio codec')).toHaveText('AAC');

  const player = b.details.getByLabel('Player for clip.mp4');
  await expect(player).toHaveAttribute('poster', /\/clip\.mp4\/ik-thumbnail\.jpg/);
  const played = await playAndAdvance(player);
  expect(played).toBeGreaterThan(0.3);
  const landed = await seekTo(player, 3);
  expect(Math.abs(landed - 3)).toBeLessThan(0.1);
  // The player fetched the original in ranges and the server answered 206 Partial Content.
  expect(ranges).toContain(206);
  expect(ranges.every((status) => status === 206 || status === 200)).toBe(true);

  // Poster frame: the slider picks so-2, the preview shows that frame, and its URL is offered to copy.
  const picker = b.details.getByRole('region', { name: 'Thumbnail frame' });
  const slider = picker.getByRole('slider', { name: 'Thumbnail at' });
  await expect(slider).toHaveAttribute('max', /^(3\.9|4)$/);
  await slider.fill('2');
  await expect(slider).toHaveAttribute('aria-valuetext', '0:02.0');
  const frame = picker.getByRole('img', { name: 'Thumbnail at 0:02.0' });
  await expect(frame).toHaveAttribute('src', /\/clip\.mp4\/ik-thumbnail\.jpg\?(updatedAt=\d+&)?tr=so-2,w-\d+/);
  await expectLoaded(frame);
  const frameUrl = picker.getByRole('textbox', { name: 'Thumbnail URL' });
  await expect(frameUrl).toHaveValue(/\/clip\.mp4\/ik-thumbnail\.jpg\?(updatedAt=\d+&)?tr=so-2$/);
  await expect(player).toHaveAttribute('poster', /tr=so-2,/);
  // A different frame really: testsrc2 moves, so the JPEG at 2 s differs from the first frame.
  const atTwo = await page.request.get(await frameUrl.inputValue());
  const first = await page.request.get((await frameUrl.inputValue()).replace(/[?&]tr=so-2$/, ''));
  expect(atTwo.status()).toBe(200);
  expect(atTwo.headers()['content-type']).toBe('image/jpeg');
  expect(first.status()).toBe(200);
  expect(Buffer.compare(await atTwo.body(), await first.body())).not.toBe(0);

  // The player's own position can become the poster frame.
  await picker.getByRole('button', { name: 'Use current frame' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', '0:03.0');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await picker.getByRole('button', { name: 'Copy thumbnail URL' }).click();
  await expect(page.getByRole('status', { name: 'Last action' })).toContainText('Copied the thumbnail URL.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/clip\.mp4\/ik-thumbnail\.jpg\?(updatedAt=\d+&)?tr=so-3$/);

  // Metadata tools: the Metadata API's video fields, in words.
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Metadata tools' }).click();
  const form = page.getByRole('form', { name: 'File metadata' });
  await form.getByLabel('File path').fill('/clip.mp4');
  await form.getByRole('button', { name: 'Show metadata' }).click();
  const table = page.getByRole('table', { name: 'Metadata of /clip.mp4' });
  const cell = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}\\b`) }).getByRole('cell');
  await expect(cell('Dimensions')).toHaveText('640 × 360');
  await expect(cell('Duration')).toHaveText(/^0:04 \(4(\.\d+)? s\)$/);
  await expect(cell('Video codec')).toHaveText('H.264 (AVC) (h264)');
  await expect(cell('Audio codec')).toHaveText('AAC (aac)');
  await expect(cell('Bit rate')).toHaveText(/^\d+(\.\d+)? (kbps|Mbps) \(/);
});

test('a private clip shows a signed thumbnail and plays through a signed URL', async ({ page, webHost }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.open(webHost.url);
  const { sdk, endpoint } = localSdk(webHost);
  const clip = await makeClip({ width: 320, height: 240, seconds: 2, ext: 'mp4' });
  await sdk.files.upload({ file: await toFile(clip, 'secret.mp4'), fileName: 'secret.mp4', useUniqueFileName: false, isPrivateFile: true });
  // Unsigned, ImageKit (and the Local library) refuse a private file.
  expect((await page.request.get(`${endpoint}/secret.mp4`)).status()).toBeGreaterThanOrEqual(400);

  // The list was read when the app opened: load the window again to list the new file.
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  const b = ui(page);
  const thumb = b.file('secret.mp4').locator('img');
  await expect(thumb).toHaveAttribute('src', /\/secret\.mp4\/ik-thumbnail\.jpg\?tr=w-\d+,h-\d+,c-at_max&ik-t=\d+&ik-s=[0-9a-f]{40}$/);
  await expectLoaded(thumb);
  await expect(b.file('secret.mp4').getByTitle('Video, 2 seconds')).toHaveText('0:02');

  await b.file('secret.mp4').click();
  const player = b.details.getByLabel('Player for secret.mp4');
  await expect(player).toHaveAttribute('src', /\/secret\.mp4\?ik-t=\d+&ik-s=[0-9a-f]{40}$/, { timeout: 30_000 });
  await playAndAdvance(player);
  const landed = await seekTo(player, 1.5);
  expect(Math.abs(landed - 1.5)).toBeLessThan(0.1);
});
