import { describe, expect, it } from 'vitest';
import { startTestEmulator } from '../helpers/emulator.js';
import { apiError, validatedClient, withValidatedEmulator } from '../openapi/client.js';

const api = withValidatedEmulator();
const { collector } = api;

describe('custom metadata fields through the official SDK', () => {
  it('creates a field of every type and lists them in creation order', async () => {
    const created = [
      await api.sdk.customMetadataFields.create({ name: 'brand', label: 'Brand', schema: { type: 'Text', defaultValue: 'Nike', maxLength: 20 } }),
      await api.sdk.customMetadataFields.create({ name: 'notes', label: 'Notes', description: 'free text', schema: { type: 'Textarea', minLength: 0 } }),
      await api.sdk.customMetadataFields.create({ name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1000, maxValue: 3000 } }),
      await api.sdk.customMetadataFields.create({ name: 'shot', label: 'Shot on', schema: { type: 'Date', minValue: '2000-01-01', maxValue: '2030-12-31T00:00:00Z' } }),
      await api.sdk.customMetadataFields.create({ name: 'approved', label: 'Approved', schema: { type: 'Boolean', isValueRequired: true, defaultValue: false } }),
      await api.sdk.customMetadataFields.create({ name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['small', 'medium', 30, true] } }),
      await api.sdk.customMetadataFields.create({ name: 'colours', label: 'Colours', schema: { type: 'MultiSelect', selectOptions: ['red', 'blue'], defaultValue: ['red'] } }),
    ];
    expect(created[2]).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1000, maxValue: 3000 } });
    expect(created[1].description).toBe('free text');
    const listed = await api.sdk.customMetadataFields.list();
    expect(listed).toEqual(created);
    expect(new Set(listed.map((f) => f.id)).size).toBe(7);
  });

  it('answers Invalid field object with an errors map naming each bad property', async () => {
    const err = await apiError(api.sdk.customMetadataFields.create({ name: 'bad', label: 'Bad', schema: { type: 'Text', minValue: 1, maxLength: -2 } }));
    expect(err).toEqual({
      status: 400,
      body: {
        message: 'Invalid field object',
        help: 'For support kindly contact us at support@imagekit.io.',
        errors: { minValue: 'not allowed for this type', maxLength: 'should be a non-negative integer' },
      },
    });
    const badDefault = await apiError(api.sdk.customMetadataFields.create({ name: 'p2', label: 'P2', schema: { type: 'Number', maxValue: 5, defaultValue: 6 } }));
    expect(badDefault.body.errors).toEqual({ defaultValue: 'should be less than or equal to 5' });
    const noOptions = await apiError(api.sdk.customMetadataFields.create({ name: 's2', label: 'S2', schema: { type: 'MultiSelect' } }));
    expect(noOptions.body.errors).toEqual({ selectOptions: 'is required for this type' });
  });

  it('keeps names unique among all fields and labels unique among active ones', async () => {
    const taken = await apiError(api.sdk.customMetadataFields.create({ name: 'brand', label: 'Another', schema: { type: 'Text' } }));
    expect(taken).toMatchObject({ status: 400, body: { message: 'A custom metadata field with this name already exists.' } });
    const label = await apiError(api.sdk.customMetadataFields.create({ name: 'brand2', label: 'Brand', schema: { type: 'Text' } }));
    expect(label).toMatchObject({ status: 400, body: { message: 'A custom metadata field with this label already exists.' } });
  });

  it('updates label and schema; type cannot change; name cannot be updated', async () => {
    const [price] = (await api.sdk.customMetadataFields.list()).filter((f) => f.name === 'price');
    const updated = await api.sdk.customMetadataFields.update(price.id, { label: 'Price (EUR)', schema: { minValue: 0, maxValue: 10 } });
    expect(updated).toEqual({ id: price.id, name: 'price', label: 'Price (EUR)', schema: { type: 'Number', minValue: 0, maxValue: 10 } });
    // A sent type is ignored and the schema is validated as the existing type.
    const typed = await apiError(api.sdk.customMetadataFields.update(price.id, { schema: { type: 'Text', maxLength: 3 } } as never));
    expect(typed).toMatchObject({ status: 400, body: { message: 'Invalid schema object.', errors: { maxLength: 'not allowed for this type' } } });
    const neither = await apiError(api.sdk.customMetadataFields.update(price.id, {}));
    expect(neither).toMatchObject({ status: 400, body: { message: 'Either label or schema should be provided.' } });
    const clash = await apiError(api.sdk.customMetadataFields.update(price.id, { label: 'Brand' }));
    expect(clash).toMatchObject({ status: 400, body: { message: 'A custom metadata field with this label already exists.' } });
    // Its own label is not a clash.
    expect((await api.sdk.customMetadataFields.update(price.id, { label: 'Price (EUR)' })).label).toBe('Price (EUR)');
    expect((await api.sdk.customMetadataFields.list()).find((f) => f.id === price.id)?.schema).toEqual({ type: 'Number', minValue: 0, maxValue: 10 });
  });

  it('deletes: hidden unless includeDeleted, name never reusable, label free again, no update or second delete', async () => {
    const field = await api.sdk.customMetadataFields.create({ name: 'temp', label: 'Temp', schema: { type: 'Boolean' } });
    expect(await api.sdk.customMetadataFields.delete(field.id)).toBeDefined();
    expect((await api.sdk.customMetadataFields.list()).some((f) => f.id === field.id)).toBe(false);
    expect((await api.sdk.customMetadataFields.list({ includeDeleted: true })).find((f) => f.id === field.id)).toEqual(field);
    expect((await api.sdk.customMetadataFields.list({ includeDeleted: false })).some((f) => f.id === field.id)).toBe(false);

    const reuse = await apiError(api.sdk.customMetadataFields.create({ name: 'temp', label: 'Temp 2', schema: { type: 'Text' } }));
    expect(reuse.body.message).toBe('A custom metadata field with this name already exists.');
    const again = await api.sdk.customMetadataFields.create({ name: 'temp_again', label: 'Temp', schema: { type: 'Text' } });
    expect(again.label).toBe('Temp');

    expect(await apiError(api.sdk.customMetadataFields.update(field.id, { label: 'X' }))).toMatchObject({
      status: 400,
      body: { message: 'Cannot update a deleted custom metadata fields.' },
    });
    expect(await apiError(api.sdk.customMetadataFields.delete(field.id))).toMatchObject({ status: 404, body: { message: 'No such custom metadata field exists.' } });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect(await apiError(api.sdk.customMetadataFields.delete('0123456789abcdef01234567'))).toMatchObject({ status: 404 });
    expect(await apiError(api.sdk.customMetadataFields.update('0123456789abcdef01234567', { label: 'x' }))).toMatchObject({
      status: 404,
      body: { message: 'No such custom metadata field exists.' },
    });
    expect(await apiError(api.sdk.customMetadataFields.update('not-an-id', { label: 'x' }))).toMatchObject({
      status: 400,
      body: { message: 'Your request contains invalid ID parameter.' },
    });
  });

  it('refuses a bad includeDeleted value with a clear 400 (raw HTTP: the SDK only sends booleans)', async () => {
    const res = await fetch(`${api.emulator.apiUrl}/v1/customMetadataFields?includeDeleted=yes`, { headers: { authorization: api.emulator.authHeader } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/includeDeleted.*true or false/);
  });

  it('keeps fields across a restart', async () => {
    const before = await api.sdk.customMetadataFields.list({ includeDeleted: true });
    const again = await startTestEmulator({ dataDir: api.emulator.dataDir, port: 0 });
    try {
      const { sdk: sdk2 } = validatedClient(again, collector);
      expect(await sdk2.customMetadataFields.list({ includeDeleted: true })).toEqual(before);
    } finally {
      await again.close();
    }
  });

  it('every response conformed to the OpenAPI spec', () => {
    expect(collector.checked).toBeGreaterThan(25);
    expect(collector.violations, collector.report()).toEqual([]);
  });
});
