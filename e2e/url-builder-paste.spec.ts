import { test, expect } from './support/fixtures';
import { localSdk, openBuilder, uploadSolid } from './support/builder-page';

test.use({ viewport: { width: 1280, height: 800 } });

test('real ik.imagekit.io URLs, path and query style, fill in the same steps and build under this profile; garbage says why', async ({ page, webHost }) => {
  const builder = await openBuilder(page, webHost);
  const { sdk, endpoint } = localSdk(webHost);
  const src = await uploadSolid(sdk, 'pic.jpg', { r: 30, g: 140, b: 60 });
  const html = builder.region.getByRole('textbox', { name: 'HTML', exact: true });

  await test.step('path style', async () => {
    await builder.paste(`https://ik.imagekit.io/demo/tr:w-300,h-200${src}`);
    await expect(builder.pasteResult).toContainText('Filled in from another URL endpoint (https://ik.imagekit.io/demo); building it there gives the same URL.');
    await expect(builder.pasteResult).toContainText('under this profile’s URL endpoint');
    await expect(builder.step('Step 1').getByLabel('Width', { exact: true })).toHaveValue('300');
    await expect(builder.step('Step 1').getByLabel('Height', { exact: true })).toHaveValue('200');
    await expect(builder.urlOutput).toHaveValue(`${endpoint}/tr:w-300,h-200${src}`);
    await expect(html).toHaveValue(new RegExp(`^<img src="${endpoint.replace(/\./g, '\\.')}/tr:w-300,h-200${src}"`));
    await expect(builder.details).toContainText('300 × 200 px');
  });

  await test.step('query style', async () => {
    await builder.paste(`https://ik.imagekit.io/demo${src}?tr=w-300,h-200`);
    await expect(builder.pasteResult).toContainText('Filled in from another URL endpoint (https://ik.imagekit.io/demo); building it there gives the same URL.');
    await expect(builder.step('Step 1').getByLabel('Width', { exact: true })).toHaveValue('300');
    await expect(builder.step('Step 1').getByLabel('Height', { exact: true })).toHaveValue('200');
    await expect(builder.urlOutput).toHaveValue(`${endpoint}${src}?tr=w-300,h-200`);
    await expect(html).toHaveValue(/tr=w-300,h-200/);
    await expect(builder.details).toContainText('300 × 200 px');
    await expect(builder.preview.getByRole('alert')).toHaveCount(0);
  });

  await test.step('garbage is refused with the reason, and the last message is gone', async () => {
    await builder.paste('this is not a url');
    await expect(builder.pasteResult).toContainText('Not filled in:');
    await expect(builder.pasteResult).toContainText('Not an http(s) URL');
    await expect(builder.pasteResult).not.toContainText('Filled in from');
    // The builder keeps what it had.
    await expect(builder.urlOutput).toHaveValue(`${endpoint}${src}?tr=w-300,h-200`);
  });
});
