import { readFileSync } from 'node:fs';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { axeScan } from './support/axe';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import type { Emulator } from './support/hosts';

type Listed = { name: string; filePath: string; fileId: string; tags?: string[] | null; customMetadata?: Record<string, unknown> };

const png = (r: number, g: number, b: number, width = 64) => sharp({ create: { width, height: 48, channels: 3, background: { r, g, b } } }).png().toBuffer();

function accountSdk(account: Emulator) {
  return new ImageKit({ privateKey: account.privateKey, baseURL: account.apiUrl, maxRetries: 0 });
}

/** The second emulator as the "Studio" ImageKit account profile, added the way a person does (the key kept for this run). */
async function addStudio(app: AppPage, account: Emulator) {
  await app.openNewProfile();
  await app.fill({ name: 'Studio', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
  await app.save();
  await app.dialog.getByRole('alert').getByRole('button', { name: 'Keep the key for this run only' }).click();
  await expect(app.dialog.getByText('Editing “Studio”')).toBeVisible();
  await app.closeDialog();
  // Adding a profile does not open it: the Local library stays the source.
  await expect(app.profile('Local library')).toHaveAttribute('aria-current', 'true');
}

/** Serious and critical axe findings (WCAG 2 A/AA) inside `selector`, in light and dark. */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const result = await axeScan(page, selector);
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

const ui = (page: Page) => ({
  tree: page.getByRole('tree', { name: 'Folders' }),
  files: page.getByRole('grid', { name: 'Files' }),
  file: (name: string) => page.getByRole('grid', { name: 'Files' }).getByRole('gridcell', { name, exact: true }),
  folder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }),
  openFolder: (name: string) => page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name, exact: true }).first().click({ position: { x: 24, y: 8 } }),
  menuItem: (name: string) => page.getByRole('menuitem', { name, exact: true }),
  transfers: page.getByRole('region', { name: 'Transfers' }),
  details: page.getByRole('complementary', { name: 'Details' }),
});

test('copy a folder with tags and custom metadata to an ImageKit account: review the plan, decide a conflict, verify, see it there', async ({ page, webHost, account, secrets }) => {
  // Two hosts, four axe scans and a verified transfer: more than the default minute on a loaded machine.
  test.setTimeout(240_000);
  secrets.push(account.privateKey);
  const lib = localLibrarySdk(webHost);
  const studio = accountSdk(account);
  // A field the account lacks (created there by the transfer), tags and a value on one file, a nested folder.
  await lib.sdk.customMetadataFields.create({ name: 'photographer', label: 'Photographer', schema: { type: 'Text', maxLength: 40 } });
  await lib.upload('/shoot', 'a.png', { color: [200, 60, 40] });
  await lib.upload('/shoot', 'b.png', { color: [40, 160, 60] });
  await lib.upload('/shoot/nested', 'c.png', { color: [40, 60, 200] });
  const [a] = (await lib.sdk.assets.list({ path: '/shoot', searchQuery: 'name = "a.png"' })) as Listed[];
  await lib.sdk.files.update(a!.fileId, { tags: ['beach', 'summer'], customMetadata: { photographer: 'Ada' } });
  // The account already has a b.png with other content: a conflict for the person to decide.
  await studio.files.upload({ file: await toFile(await png(9, 9, 9, 80), 'b.png'), fileName: 'b.png', folder: '/shoot', useUniqueFileName: false });

  const app = new AppPage(page);
  await app.open(webHost.url);
  await addStudio(app, account);
  const b = ui(page);

  await b.openFolder('shoot');
  await expect(b.file('a.png')).toBeVisible();
  // The open folder's overflow menu (the same actions as its right-click menu).
  await page.getByRole('button', { name: 'More folder actions' }).click();
  await b.menuItem('Copy folder to profile…').click();
  const dialog = page.getByRole('dialog', { name: 'Copy folder shoot to another profile' });
  await expect(dialog.getByLabel('Target profile')).toHaveValue(/.+/);
  await expect(dialog.getByLabel('Target profile').locator('option:checked')).toHaveText(/^Studio/);
  await expect(dialog.getByLabel('Target folder')).toHaveValue('/shoot');
  await dialog.getByRole('button', { name: 'Review plan' }).click();

  const plan = dialog.getByRole('table', { name: 'Transfer plan' });
  await expect(plan.locator('tbody').getByRole('rowheader')).toHaveText(['a.png', 'b.png', 'nested/c.png']);
  const row = (name: string) => plan.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(row('a.png')).toContainText('Create');
  await expect(row('nested/c.png')).toContainText('Create');
  await expect(row('b.png').getByRole('combobox', { name: 'Choice for b.png' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Plan totals' })).toContainText('3 files');
  await expect(dialog.getByRole('list', { name: 'Plan totals' })).toContainText('2 create');
  await expect(dialog.getByRole('list', { name: 'Plan totals' })).toContainText('1 conflict');
  await expect(dialog.getByText('Custom metadata fields created on the target first: Photographer (Text).')).toBeVisible();
  // Nothing is written until the person decides the conflict and starts.
  const start = dialog.getByRole('button', { name: 'Start transfer' });
  await expect(start).toBeDisabled();
  await expect(dialog.getByText('Choose for 1 conflicting file first.')).toBeVisible();
  expect(await studio.assets.list({ path: '/shoot' })).toHaveLength(1);
  expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
  await row('b.png').getByRole('combobox', { name: 'Choice for b.png' }).selectOption('keep-both');
  await start.click();
  await expect(dialog).toBeHidden();

  const job = b.transfers.getByRole('listitem', { name: /^Copy \/shoot from Local library to Studio \/shoot$/ });
  await expect(job.getByRole('status')).toHaveText('Verified: 3 of 3 files match the source (checksums and fields).', { timeout: 30_000 });
  await expect(job).toContainText('Done');
  await expect(job).toContainText('3 of 3 files');
  expect(await axeFindings(page, 'section[aria-label="Transfers"]')).toEqual([]);

  const download = page.waitForEvent('download');
  await job.getByRole('button', { name: 'Save report' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^mediadesk-transfer-[A-Za-z0-9-]+\.json$/);
  const report = JSON.parse(readFileSync((await saved.path())!, 'utf8')) as { outcome: string; files: { relPath: string; verified: boolean | null; targetPath: string }[] };
  expect(report.outcome).toBe('complete');
  expect(report.files.map((f) => [f.relPath, f.verified, f.targetPath])).toEqual([
    ['a.png', true, '/shoot/a.png'],
    ['b.png', true, '/shoot/b-1.png'],
    ['nested/c.png', true, '/shoot/nested/c.png'],
  ]);

  // The account, as the app shows it: the files with their tags, and the value in the field made for it.
  await app.activate('Studio');
  await b.openFolder('shoot');
  // Kept both: the account's own b.png and the copy beside it.
  for (const name of ['a.png', 'b.png', 'b-1.png']) await expect(b.file(name)).toBeVisible();
  await expect(b.files.getByRole('gridcell')).toHaveCount(3);
  await b.file('a.png').click();
  await expect(b.details.getByRole('region', { name: 'Tags' }).getByRole('list', { name: 'File tags' }).getByRole('listitem')).toHaveText(['beach×', 'summer×']);
  const [copied] = (await studio.assets.list({ path: '/shoot', searchQuery: 'name = "a.png"' })) as Listed[];
  expect(copied!.customMetadata).toEqual({ photographer: 'Ada' });
  await expect(b.folder('nested')).toBeVisible();
});

test('move a single file to another profile: verified there, gone here', async ({ page, webHost, account, secrets }) => {
  secrets.push(account.privateKey);
  const lib = localLibrarySdk(webHost);
  const studio = accountSdk(account);
  await lib.upload('/solo', 'one.png', { color: [120, 30, 160] });
  await lib.upload('/solo', 'stays.png', { color: [10, 30, 60] });

  const app = new AppPage(page);
  await app.open(webHost.url);
  await addStudio(app, account);
  const b = ui(page);
  await b.openFolder('solo');
  await b.file('one.png').click({ button: 'right' });
  await b.menuItem('Move to profile…').click();
  const dialog = page.getByRole('dialog', { name: 'Move one.png to another profile' });
  await dialog.getByLabel('Target folder').fill('/moved');
  await dialog.getByRole('button', { name: 'Review plan' }).click();
  const plan = dialog.getByRole('table', { name: 'Transfer plan' });
  await expect(plan.locator('tbody').getByRole('rowheader')).toHaveText(['one.png']);
  await expect(plan.getByRole('row').filter({ hasText: 'one.png' })).toContainText('Create');
  await dialog.getByRole('button', { name: 'Start transfer' }).click();

  const job = b.transfers.getByRole('listitem', { name: /^Move \/solo\/one\.png from Local library to Studio \/moved$/ });
  await expect(job.getByRole('status')).toHaveText('Verified: 1 of 1 file match the source (checksums and fields).', { timeout: 30_000 });
  // The source is deleted once its copy is verified; the grid follows.
  await expect(b.file('one.png')).toBeHidden();
  await expect(b.file('stays.png')).toBeVisible();
  expect(((await studio.assets.list({ path: '/moved' })) as Listed[]).map((f) => f.name)).toEqual(['one.png']);
  expect(((await lib.sdk.assets.list({ path: '/solo' })) as Listed[]).map((f) => f.name)).toEqual(['stays.png']);
});

test('an incompatible custom metadata schema stops at the plan with the reason; nothing is written', async ({ page, webHost, account, secrets }) => {
  secrets.push(account.privateKey);
  const lib = localLibrarySdk(webHost);
  const studio = accountSdk(account);
  await lib.sdk.customMetadataFields.create({ name: 'rating', label: 'Rating', schema: { type: 'Text' } });
  await studio.customMetadataFields.create({ name: 'rating', label: 'Rating', schema: { type: 'Number' } });
  await lib.upload('/rated', 'r.png');
  const [r] = (await lib.sdk.assets.list({ path: '/rated' })) as Listed[];
  await lib.sdk.files.update(r!.fileId, { customMetadata: { rating: 'five stars' } });

  const app = new AppPage(page);
  await app.open(webHost.url);
  await addStudio(app, account);
  const b = ui(page);
  await b.openFolder('rated');
  await b.file('r.png').click();
  await page.getByRole('toolbar', { name: 'File actions' }).getByRole('button', { name: 'To another profile' }).click();
  await b.menuItem('Copy to profile…').click();
  const dialog = page.getByRole('dialog', { name: 'Copy r.png to another profile' });
  await dialog.getByRole('button', { name: 'Review plan' }).click();
  const blocked = dialog.getByRole('alert');
  await expect(blocked).toContainText('This transfer cannot start: nothing was written.');
  await expect(blocked).toContainText(/rating/i);
  await expect(dialog.getByRole('button', { name: 'Start transfer' })).toBeDisabled();
  expect(await studio.assets.list({ path: '/rated' })).toHaveLength(0);
});
