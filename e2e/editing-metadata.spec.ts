import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { AppPage } from './support/app-page';
import { localLibrarySdk } from './support/library-seed';
import { editingUi } from './support/editing-helpers';

interface FieldSpec {
  name: string;
  label: string;
  type: string;
  inputs?: Record<string, string>;
  required?: boolean;
}

const FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', type: 'Text', inputs: { 'Minimum length': '2', 'Maximum length': '10' } },
  { name: 'notes', label: 'Notes', type: 'Textarea', inputs: { 'Maximum length': '50' } },
  { name: 'price', label: 'Price', type: 'Number', inputs: { 'Minimum value': '0', 'Maximum value': '100', 'Default value': '5' }, required: true },
  { name: 'shot', label: 'Shot on', type: 'Date', inputs: { 'Earliest date': '2000-01-01T00:00:00Z' } },
  { name: 'approved', label: 'Approved', type: 'Boolean' },
  { name: 'size', label: 'Size', type: 'SingleSelect', inputs: { 'Options (one per line)': 'S\nM\nL' } },
  { name: 'colours', label: 'Colours', type: 'MultiSelect', inputs: { 'Options (one per line)': 'red\nblue\n3' } },
];

async function createField(page: Page, spec: FieldSpec) {
  await page.getByRole('button', { name: 'New field' }).click();
  const form = page.getByRole('form', { name: 'New field' });
  await form.getByLabel('Name', { exact: true }).fill(spec.name);
  await form.getByLabel('Label', { exact: true }).fill(spec.label);
  await form.getByLabel('Type', { exact: true }).selectOption(spec.type);
  for (const [label, value] of Object.entries(spec.inputs ?? {})) await form.getByLabel(label, { exact: true }).fill(value);
  if (spec.required) await form.getByRole('checkbox', { name: 'Value required' }).check();
  await form.getByRole('button', { name: 'Create field' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Fields' }).getByRole('rowheader', { name: spec.label, exact: true })).toBeVisible();
}

test('create a field of each type, then reject a bad value in the form and in the table', async ({ page, webHost }) => {
  const lib = localLibrarySdk(webHost);
  await lib.upload('/meta', 'a.png');
  await lib.upload('/meta', 'b.png');
  const app = new AppPage(page);
  await app.open(webHost.url);
  const ui = editingUi(page);

  await ui.view('Custom metadata');
  // A broken rule is refused before anything is sent, with the validator's words at the input.
  await page.getByRole('button', { name: 'New field' }).click();
  const draft = page.getByRole('form', { name: 'New field' });
  await draft.getByLabel('Name', { exact: true }).fill('broken');
  await draft.getByLabel('Label', { exact: true }).fill('Broken');
  await draft.getByLabel('Type', { exact: true }).selectOption('Number');
  await draft.getByLabel('Minimum value', { exact: true }).fill('10');
  await draft.getByLabel('Maximum value', { exact: true }).fill('5');
  await draft.getByRole('button', { name: 'Create field' }).click();
  await expect(draft.getByLabel('Maximum value', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(draft).toContainText('Maximum value should be greater than or equal to minValue');
  await draft.getByRole('button', { name: 'Cancel' }).click();

  for (const spec of FIELDS) await createField(page, spec);
  const listed = await lib.sdk.customMetadataFields.list();
  expect(listed.map((f) => f.schema?.type).sort()).toEqual(['Boolean', 'Date', 'MultiSelect', 'Number', 'SingleSelect', 'Text', 'Textarea']);

  // Edit a field: the label and a rule change, the name and type stay.
  await page.getByRole('button', { name: 'Edit Title' }).click();
  const edit = page.getByRole('form', { name: 'Edit field Title' });
  await expect(edit.getByLabel('Name', { exact: true })).toBeDisabled();
  await expect(edit.getByLabel('Type', { exact: true })).toBeDisabled();
  await edit.getByLabel('Label', { exact: true }).fill('Headline');
  await edit.getByLabel('Maximum length', { exact: true }).fill('20');
  await edit.getByRole('button', { name: 'Save field' }).click();
  const headline = page.getByRole('table', { name: 'Fields' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Headline', exact: true }) });
  await expect(headline).toContainText('at least 2 characters; at most 20 characters');

  // Delete one; it shows again only when deleted fields are asked for.
  await page.getByRole('button', { name: 'Delete Notes' }).click();
  await page.getByRole('alertdialog', { name: 'Delete field Notes' }).getByRole('button', { name: 'Delete field' }).click();
  await expect(page.getByRole('table', { name: 'Fields' }).getByRole('rowheader', { name: 'Notes', exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show deleted fields' }).check();
  await expect(page.getByRole('table', { name: 'Fields' }).getByRole('rowheader', { name: 'Notes (deleted)' })).toBeVisible();

  // The form on one file: a bad value is marked inline and cannot be saved; a good one saves.
  await ui.view('Library');
  await ui.openFolder('meta');
  await ui.file('a.png').click();
  const form = ui.details.getByRole('region', { name: 'Custom metadata' });
  await form.getByRole('textbox', { name: 'Price' }).fill('500');
  await expect(form.getByRole('alert')).toHaveText('Price should be less than or equal to 100');
  await expect(form.getByRole('button', { name: 'Save metadata' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Price' }).fill('42');
  await form.getByRole('combobox', { name: 'Size' }).selectOption('M');
  await form.getByRole('group', { name: 'Colours' }).getByRole('checkbox', { name: '3' }).check();
  await form.getByRole('button', { name: 'Save metadata' }).click();
  await expect(form.getByRole('status')).toHaveText('Custom metadata saved.');

  // The table over the selection: per-cell validation, then one save.
  await ui.selectAll('a.png');
  await ui.view('Custom metadata');
  const grid = ui.metadataGrid;
  await expect(grid.getByRole('rowheader')).toHaveText(['a.png', 'b.png']);
  await expect(grid.getByRole('textbox', { name: 'a.png Price' })).toHaveValue('42');
  await expect(grid.getByRole('textbox', { name: 'a.png Colours' })).toHaveValue('3');
  await grid.getByRole('textbox', { name: 'b.png Price' }).fill('abc');
  await grid.getByRole('textbox', { name: 'b.png Headline' }).fill('x');
  await expect(grid.getByRole('textbox', { name: 'b.png Price' })).toHaveAttribute('aria-invalid', 'true');
  await expect(grid.getByText('Price should be of type number')).toBeVisible();
  await expect(grid.getByText('Headline should have at least 2 characters')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save all changes' })).toBeDisabled();
  await grid.getByRole('textbox', { name: 'b.png Price' }).press('ArrowUp');
  await expect(grid.getByRole('textbox', { name: 'a.png Price' })).toBeFocused();
  await grid.getByRole('textbox', { name: 'b.png Price' }).fill('7');
  await grid.getByRole('textbox', { name: 'b.png Headline' }).fill('Harbour');
  await grid.getByRole('combobox', { name: 'b.png Approved' }).selectOption('Yes');
  await page.getByRole('button', { name: 'Save all changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 1 file.' })).toBeVisible();
  const b = (await lib.sdk.assets.list({ path: '/meta', searchQuery: 'name = "b.png"' }))[0] as { customMetadata?: Record<string, unknown> };
  expect(b.customMetadata).toMatchObject({ price: 7, title: 'Harbour', approved: true });
});
