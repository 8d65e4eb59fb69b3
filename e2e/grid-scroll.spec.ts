import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';

/**
 * A fast scroll mounts a screenful of new tiles every frame; their hover buttons (two icon buttons with
 * tooltips each) cost more than the rest of a tile, so the grid leaves them out while it scrolls and puts
 * them back once it rests (bench/browser.ts measures the frame times this keeps under 25 ms).
 */
test('tiles leave out their quick actions while the grid scrolls and have them again once it rests', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await Promise.all(Array.from({ length: 90 }, (_, i) => lib.upload('/many', `photo-${String(i).padStart(2, '0')}.png`, { color: [i * 2, 120, 200] })));
  const app = new AppPage(page);
  await app.open(webHost.url);
  await page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: 'many', exact: true }).click({ position: { x: 24, y: 8 } });
  const files = page.getByRole('grid', { name: 'Files' });
  // The first tile, whichever file that is (the uploads ran in parallel, so their order is not fixed).
  const firstTile = files.getByRole('gridcell').first();
  const copyButton = firstTile.getByRole('button', { name: /^Copy URL of photo-\d\d\.png$/ });
  await expect(copyButton).toBeAttached();
  const first = (await firstTile.getAttribute('aria-label'))!;

  // Scroll a little every frame for 30 frames and count the tiles' Copy URL buttons in each frame.
  const counts = await files.evaluate(async (grid) => {
    const seen: number[] = [];
    for (let frame = 0; frame < 30; frame++) {
      await new Promise(requestAnimationFrame);
      grid.scrollTop += frame < 15 ? 40 : -40;
      seen.push(grid.querySelectorAll('button[aria-label^="Copy URL of "]').length);
    }
    return seen;
  });
  expect(counts[0], 'the grid had quick actions before it scrolled').toBeGreaterThan(0);
  expect(Math.min(...counts.slice(3)), `Copy URL buttons per frame while scrolling: ${counts.join(' ')}`).toBe(0);

  // At rest they are back and work.
  const tile = files.getByRole('gridcell', { name: first, exact: true });
  await expect(tile.getByRole('button', { name: `Copy URL of ${first}` })).toBeAttached();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await tile.hover();
  await tile.getByRole('button', { name: `Copy URL of ${first}` }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`/many/${first}`);
});
