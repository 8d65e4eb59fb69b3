import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileDetails } from '../../../shared/domain/library';
import type { CustomField } from '../../../shared/domain/editing';
import { MetadataForm } from '../../src/features/custom-metadata/MetadataForm';
import { renderWithHandlers } from '../tags/editing-host';

afterEach(cleanup);

const fields: CustomField[] = [
  { id: '1', name: 'price', label: 'Price', deleted: false, schema: { type: 'Number', minValue: 0, maxValue: 100 } },
  { id: '2', name: 'size', label: 'Size', deleted: false, schema: { type: 'SingleSelect', selectOptions: ['S', 'M'] } },
  { id: '3', name: 'colours', label: 'Colours', deleted: false, schema: { type: 'MultiSelect', selectOptions: ['red', 3] } },
  { id: '4', name: 'ok', label: 'Approved', deleted: false, schema: { type: 'Boolean' } },
];
const file: FileDetails = {
  fileId: 'f1', type: 'file', name: 'a.png', filePath: '/a.png', url: 'http://x/a.png', fileType: 'image', size: 1,
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', customMetadata: { price: 10, colours: ['red'] },
};

describe('MetadataForm', () => {
  it('marks a bad value inline, refuses to save it, and sends only the changed values', async () => {
    const { user, calls } = renderWithHandlers(<MetadataForm file={file} />, {
      'editing.fields': () => fields,
      'editing.updateFile': ({ fileId }) => ({ ...file, fileId }),
    });
    const price = await screen.findByRole('textbox', { name: 'Price' });
    expect(price).toHaveProperty('value', '10');
    await user.clear(price);
    await user.type(price, '-4');
    expect(screen.getByRole('alert').textContent).toBe('Price should be greater than or equal to 0');
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Save metadata' })).toHaveProperty('disabled', true);

    await user.clear(price);
    await user.type(price, '99');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Size' }), 'M');
    await user.click(screen.getByRole('checkbox', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Save metadata' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'editing.updateFile')).toBe(true));
    expect(calls.find((c) => c.channel === 'editing.updateFile')!.input).toEqual({
      profileId: 'local', fileId: 'f1', edit: { customMetadata: { price: 99, size: 'M', colours: ['red', 3] } },
    });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Custom metadata saved.');
  });
});
