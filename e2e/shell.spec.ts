import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';

test('the theme follows the operating system’s light or dark preference', async ({ page, webHost }) => {
  const app = new AppPage(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.emulateMedia({ colorScheme: 'light' });
  await app.open(webHost.url);
  expect(await background()).toBe('rgb(255, 255, 255)');

  // Switching the OS preference restyles the open window; no reload, no setting.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(23, 25, 29)');
});

test('the Profile dialog works from the keyboard alone', async ({ page, webHost }) => {
  const app = new AppPage(page);
  await app.open(webHost.url);

  const newProfile = app.sidebar.getByRole('button', { name: 'New profile…' });
  await newProfile.focus();
  await page.keyboard.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(app.field('Name')).toBeFocused();

  // Submitting the empty form with Enter names what is missing, next to each field.
  await page.keyboard.press('Enter');
  await expect(app.field('Name')).toHaveAccessibleDescription('Name is empty.');
  await expect(app.field('URL endpoint')).toHaveAccessibleDescription(/^URL endpoint is empty\./);

  // Tab stays inside the dialog while it is open.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await app.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
  await expect(newProfile).toBeFocused();
});

test('the real build runs under the strict CSP without a single violation', async ({ page, webHost }) => {
  // Recorded from before the first script runs, so a violation during start-up is caught too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const app = new AppPage(page);
  const pageResponse = page.waitForResponse((r) => r.url().startsWith(webHost.origin) && r.request().resourceType() === 'document');
  await app.open(webHost.url);
  expect((await (await pageResponse).allHeaders())['content-security-policy']).toMatch(/default-src 'none'.*script-src 'self'/);

  // The first screen and the Profile dialog: everything a first run shows.
  await expect(app.status).toContainText('Connected');
  await app.openNewProfile();
  await app.closeDialog();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
