import { describe, expect, it } from 'vitest';
import { validateFieldCreate, validateFieldSchema, validateFieldUpdate } from './validate.js';

const errorsOf = (raw: unknown, fixed?: Parameters<typeof validateFieldSchema>[1]) => {
  const r = validateFieldSchema(raw, fixed);
  return r.ok ? {} : r.errors;
};

describe('validateFieldSchema', () => {
  it('accepts a minimal schema of every type and returns it cleaned', () => {
    for (const type of ['Text', 'Textarea', 'Number', 'Date', 'Boolean'] as const) {
      expect(validateFieldSchema({ type })).toEqual({ ok: true, schema: { type } });
    }
    expect(validateFieldSchema({ type: 'SingleSelect', selectOptions: ['a', 1, true] })).toEqual({
      ok: true,
      schema: { type: 'SingleSelect', selectOptions: ['a', 1, true] },
    });
  });

  it('requires a known type', () => {
    expect(errorsOf({})).toEqual({ type: 'is required' });
    expect(errorsOf({ type: 'Color' }).type).toMatch(/should be one of Text, Textarea/);
    expect(errorsOf('Text')).toEqual({ schema: 'should be an object' });
  });

  it('rejects unknown schema keys', () => {
    expect(errorsOf({ type: 'Text', colour: 'red' })).toEqual({ colour: 'not allowed in a field schema' });
  });

  it('allows min/maxValue only for Number and Date, with the right value type', () => {
    expect(errorsOf({ type: 'Text', minValue: 1 })).toEqual({ minValue: 'not allowed for this type' });
    expect(errorsOf({ type: 'Boolean', maxValue: 1 })).toEqual({ maxValue: 'not allowed for this type' });
    expect(errorsOf({ type: 'Number', minValue: '1' })).toEqual({ minValue: 'should be of type number' });
    expect(errorsOf({ type: 'Date', maxValue: 5 })).toEqual({ maxValue: 'should be a valid ISO 8601 date string' });
    expect(errorsOf({ type: 'Date', minValue: '2024-02-30' })).toEqual({ minValue: 'should be a valid ISO 8601 date string' });
    expect(validateFieldSchema({ type: 'Date', minValue: '2024-01-01', maxValue: '2024-12-31T23:59:59Z' }).ok).toBe(true);
    expect(validateFieldSchema({ type: 'Number', minValue: -5.5, maxValue: 3000 }).ok).toBe(true);
  });

  it('requires minValue <= maxValue', () => {
    expect(errorsOf({ type: 'Number', minValue: 10, maxValue: 5 })).toEqual({ maxValue: 'should be greater than or equal to minValue' });
    expect(errorsOf({ type: 'Date', minValue: '2025-01-01', maxValue: '2024-01-01' }).maxValue).toBeDefined();
    expect(validateFieldSchema({ type: 'Number', minValue: 5, maxValue: 5 }).ok).toBe(true);
  });

  it('allows min/maxLength only for Text and Textarea, as non-negative integers in order', () => {
    expect(errorsOf({ type: 'Number', minLength: 1 })).toEqual({ minLength: 'not allowed for this type' });
    expect(errorsOf({ type: 'Date', maxLength: 1 })).toEqual({ maxLength: 'not allowed for this type' });
    expect(errorsOf({ type: 'Text', minLength: -1 })).toEqual({ minLength: 'should be a non-negative integer' });
    expect(errorsOf({ type: 'Textarea', maxLength: 2.5 })).toEqual({ maxLength: 'should be a non-negative integer' });
    expect(errorsOf({ type: 'Text', minLength: 5, maxLength: 2 })).toEqual({ maxLength: 'should be greater than or equal to minLength' });
    expect(validateFieldSchema({ type: 'Textarea', minLength: 0, maxLength: 200 }).ok).toBe(true);
  });

  it('requires selectOptions for select types only, non-empty, scalar and distinct', () => {
    expect(errorsOf({ type: 'SingleSelect' })).toEqual({ selectOptions: 'is required for this type' });
    expect(errorsOf({ type: 'Text', selectOptions: ['a'] })).toEqual({ selectOptions: 'not allowed for this type' });
    expect(errorsOf({ type: 'MultiSelect', selectOptions: [] }).selectOptions).toMatch(/non-empty array/);
    expect(errorsOf({ type: 'MultiSelect', selectOptions: [{}] }).selectOptions).toMatch(/non-empty array/);
    expect(errorsOf({ type: 'MultiSelect', selectOptions: 'a,b' }).selectOptions).toMatch(/non-empty array/);
    expect(errorsOf({ type: 'SingleSelect', selectOptions: ['a', 'a'] })).toEqual({ selectOptions: 'should not contain duplicate values' });
    // 1 and "1" are different options.
    expect(validateFieldSchema({ type: 'SingleSelect', selectOptions: [1, '1'] }).ok).toBe(true);
  });

  it('requires isValueRequired to be boolean and a default when it is true', () => {
    expect(errorsOf({ type: 'Text', isValueRequired: 'yes' })).toEqual({ isValueRequired: 'should be of type boolean' });
    expect(errorsOf({ type: 'Text', isValueRequired: true })).toEqual({ defaultValue: 'is required when isValueRequired is true' });
    expect(validateFieldSchema({ type: 'Text', isValueRequired: true, defaultValue: 'x' }).ok).toBe(true);
    expect(validateFieldSchema({ type: 'Text', isValueRequired: false }).ok).toBe(true);
  });

  it('checks defaultValue against the type and its range, length or options', () => {
    expect(errorsOf({ type: 'Number', defaultValue: '5' })).toEqual({ defaultValue: 'should be of type number' });
    expect(errorsOf({ type: 'Number', minValue: 1000, maxValue: 3000, defaultValue: 5 }).defaultValue).toMatch(/greater than or equal to 1000/);
    expect(errorsOf({ type: 'Text', maxLength: 3, defaultValue: 'long' }).defaultValue).toMatch(/at most 3/);
    expect(errorsOf({ type: 'Boolean', defaultValue: 'true' })).toEqual({ defaultValue: 'should be of type boolean' });
    expect(errorsOf({ type: 'Date', minValue: '2024-01-01', defaultValue: '2023-12-31' }).defaultValue).toMatch(/not be before/);
    expect(errorsOf({ type: 'SingleSelect', selectOptions: ['s', 'm'], defaultValue: 'l' }).defaultValue).toMatch(/one of "s", "m"/);
    expect(errorsOf({ type: 'MultiSelect', selectOptions: ['s', 'm'], defaultValue: 's' }).defaultValue).toMatch(/array/);
    expect(errorsOf({ type: 'MultiSelect', selectOptions: ['s', 'm'], defaultValue: ['s', 'x'] }).defaultValue).toMatch(/only contain/);
    expect(validateFieldSchema({ type: 'MultiSelect', selectOptions: ['s', 'm'], defaultValue: ['m', 's'] })).toEqual({
      ok: true,
      schema: { type: 'MultiSelect', selectOptions: ['s', 'm'], defaultValue: ['m', 's'] },
    });
  });

  it('reports every problem at once, keyed as ImageKit keys them', () => {
    expect(errorsOf({ type: 'Text', minValue: 'a', maxLength: 'b' })).toEqual({
      minValue: 'not allowed for this type',
      maxLength: 'should be a non-negative integer',
    });
  });

  it('validates as the fixed (existing) type and ignores a sent type', () => {
    expect(validateFieldSchema({ type: 'Text', minValue: 1 }, 'Number')).toEqual({ ok: true, schema: { type: 'Number', minValue: 1 } });
    expect(errorsOf({ minLength: 1 }, 'Number')).toEqual({ minLength: 'not allowed for this type' });
  });
});

describe('validateFieldCreate / validateFieldUpdate', () => {
  it('requires name, label and schema', () => {
    const r = validateFieldCreate({});
    expect(r).toEqual({ ok: false, message: 'Invalid field object', errors: { name: 'is required', label: 'is required', schema: 'is required' } });
  });

  it('merges schema errors into the field errors', () => {
    const r = validateFieldCreate({ name: 'price', label: 'Price', schema: { type: 'Number', minValue: 'x', maxLength: 4 } });
    expect(r).toEqual({
      ok: false,
      message: 'Invalid field object',
      errors: { minValue: 'should be of type number', maxLength: 'not allowed for this type' },
    });
  });

  it('rejects names that cannot be used as customMetadata keys in search', () => {
    for (const name of ['', 'has space', 'dot.ted', 'x'.repeat(101), 7]) {
      const r = validateFieldCreate({ name, label: 'L', schema: { type: 'Text' } });
      expect(r.ok ? undefined : r.errors?.name).toMatch(/letters, digits/);
    }
  });

  it('returns the cleaned input', () => {
    expect(validateFieldCreate({ name: 'brand', label: 'Brand', description: 'd', schema: { type: 'Text', defaultValue: 'Nike' } })).toEqual({
      ok: true,
      value: { name: 'brand', label: 'Brand', description: 'd', schema: { type: 'Text', defaultValue: 'Nike' } },
    });
  });

  it('update needs label or schema, refuses name, and validates as the existing type', () => {
    expect(validateFieldUpdate({}, 'Text')).toEqual({ ok: false, message: 'Either label or schema should be provided.' });
    expect(validateFieldUpdate({ name: 'x', label: 'y' }, 'Text')).toEqual({ ok: false, message: 'Name cannot be updated.' });
    expect(validateFieldUpdate({ schema: { minLength: 2 } }, 'Number')).toEqual({
      ok: false,
      message: 'Invalid schema object.',
      errors: { minLength: 'not allowed for this type' },
    });
    expect(validateFieldUpdate({ label: '  ' }, 'Text')).toMatchObject({ ok: false, errors: { label: expect.any(String) } });
    expect(validateFieldUpdate({ label: 'New', schema: { type: 'Boolean', maxLength: 9 } }, 'Text')).toEqual({
      ok: true,
      value: { label: 'New', schema: { type: 'Text', maxLength: 9 } },
    });
  });
});
