import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { firstPixel, jpeg, landscape, localLibrary, put, swatch, unrelated } from './support/purge-seed';

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];

test('an overwrite is suggested for purging, and after the purge completes the transformed URL serves the new picture', async ({ page, webHost, frames }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const { sdk, urlEndpoint } = localLibrary(webHost);
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Purge', exact: true }).click();
  const purge = page.getByRole('region', { name: 'Purge', exact: true });

  // The site uses w-8 thumbnails: suggestions should include that variant.
  await purge.getByText('Purge settings').click();
  await purge.getByLabel(/^Transformations in use/).fill('w-8');
  await purge.getByRole('button', { name: 'Save settings' }).click();
  await expect(purge.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  // The view's first change check has answered (it sets the starting point for later ones).
  await expect.poll(() => frames.received.some((f) => f.includes('"checkedAt"'))).toBe(true);

  await put(sdk, '/e2e', 'swatch.png', await swatch('#ff0000'));
  const variant = `${urlEndpoint}/tr:w-8/e2e/swatch.png`;
  expect(await firstPixel(page.request, variant)).toEqual(RED);
  await put(sdk, '/e2e', 'swatch.png', await swatch('#0000ff')); // overwritten outside MediaDesk, through the SDK
  expect(await firstPixel(page.request, variant)).toEqual(RED); // the CDN cache still serves the old picture

  await purge.getByRole('button', { name: 'Check for changes' }).click();
  const suggestion = purge.getByRole('listitem', { name: 'Overwritten: /e2e/swatch.png' });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText(`${urlEndpoint}/e2e/swatch.png`);
  await expect(suggestion).toContainText(variant);

  await suggestion.getByRole('button', { name: 'Review and purge' }).click();
  await expect(purge.getByLabel('URLs to purge (one per line)')).toHaveValue(`${urlEndpoint}/e2e/swatch.png\n${variant}`);
  await purge.getByRole('button', { name: 'Purge', exact: true }).click();

  const history = purge.getByRole('list', { name: 'Purge requests' });
  await expect(history.getByRole('listitem', { name: /2 URLs, Completed$/ })).toBeVisible();
  await expect(suggestion).toBeHidden();
  expect(await firstPixel(page.request, variant)).toEqual(BLUE);
  await expect(purge.getByRole('meter', { name: 'Monthly purge quota' })).toHaveAttribute('aria-valuenow', '2');
});

test('invalid purge URLs are refused with the reason, and a list of 150 goes out as two requests', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const { urlEndpoint } = localLibrary(webHost);
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Purge', exact: true }).click();
  const purge = page.getByRole('region', { name: 'Purge', exact: true });
  const list = purge.getByLabel('URLs to purge (one per line)');
  const urls = Array.from({ length: 150 }, (_, i) => `${urlEndpoint}/catalog/item-${i}.jpg`);

  await list.fill([...urls, `${urlEndpoint}/img*`, `${urlEndpoint}/a/*/b.jpg`].join('\n'));
  const refused = purge.getByRole('list', { name: 'Refused URLs' });
  await expect(refused.getByRole('listitem')).toHaveCount(2);
  await expect(refused.getByRole('listitem').nth(0)).toContainText('A wildcard (*) needs a path with at least two levels');
  await expect(refused.getByRole('listitem').nth(1)).toContainText('A wildcard (*) is allowed only once, at the very end of the URL');
  await expect(purge.getByRole('button', { name: 'Purge', exact: true })).toBeDisabled();

  await list.fill(urls.join('\n'));
  await expect(purge.getByRole('status', { name: 'Purge list summary' })).toHaveText('150 URLs in 2 requests.');
  await purge.getByRole('button', { name: 'Purge', exact: true }).click();
  const history = purge.getByRole('list', { name: 'Purge requests' });
  await expect(history.getByRole('listitem', { name: /100 URLs, Completed$/ })).toBeVisible({ timeout: 20_000 });
  await expect(history.getByRole('listitem', { name: /50 URLs, Completed$/ })).toBeVisible({ timeout: 20_000 });
  await expect(history.getByRole('listitem', { name: /^Request of / })).toHaveCount(2);
  await expect(purge.getByRole('meter', { name: 'Monthly purge quota' })).toHaveAttribute('aria-valuenow', '150');
});

test('the similarity finder ranks a resized copy of an image above unrelated images', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);
  const { sdk } = localLibrary(webHost);
  await put(sdk, '/trip', 'landscape.jpg', await jpeg(landscape));
  await put(sdk, '/trip', 'city.jpg', await jpeg(unrelated[0]));
  await put(sdk, '/trip', 'fog.jpg', await jpeg(unrelated[1]));
  await put(sdk, '/trip', 'landscape-small.jpg', await jpeg(landscape, 150));

  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Metadata tools', exact: true }).click();
  const tools = page.getByRole('region', { name: 'Metadata tools', exact: true });
  const finder = tools.getByRole('form', { name: 'Find similar images' });
  await finder.getByLabel('Reference image').fill('/trip/landscape.jpg');
  await expect(finder.getByLabel('Folder')).toHaveValue('/trip');
  await finder.getByRole('button', { name: 'Find similar' }).click();

  const ranked = tools.getByRole('list', { name: 'Ranked by similarity' }).getByRole('listitem');
  await expect(ranked).toHaveCount(3);
  await expect(ranked.first()).toHaveAccessibleName(/^landscape-small\.jpg, distance \d$/);

  // The full metadata of the file, including its pHash.
  const fileForm = tools.getByRole('form', { name: 'File metadata' });
  await fileForm.getByLabel('File path').fill('/trip/landscape.jpg');
  await fileForm.getByRole('button', { name: 'Show metadata' }).click();
  const table = tools.getByRole('table', { name: 'Metadata of /trip/landscape.jpg' });
  await expect(table.getByRole('row', { name: /Dimensions/ })).toContainText('480 × 320');
  await expect(table.getByRole('row', { name: /pHash/ })).toContainText(/[0-9a-f]{16}/);
});
