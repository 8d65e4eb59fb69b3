import { describe, expect, it } from 'vitest';
import { checkFieldValue, defaultCustomMetadata, parseIsoDate, validateCustomMetadataValues } from './validate.js';
import type { CustomMetadataFieldDef } from './validate.js';

describe('checkFieldValue', () => {
  it('Text and Textarea: strings within the length bounds, counted in characters', () => {
    for (const type of ['Text', 'Textarea'] as const) {
      const schema = { type, minLength: 2, maxLength: 4 };
      expect(checkFieldValue('abc', schema)).toBeUndefined();
      expect(checkFieldValue('a', schema)).toMatch(/at least 2/);
      expect(checkFieldValue('abcde', schema)).toMatch(/at most 4/);
      expect(checkFieldValue(12, schema)).toBe('should be of type string');
      expect(checkFieldValue('😀😀', schema)).toBeUndefined();
    }
  });

  it('Number: finite numbers within [minValue, maxValue]', () => {
    const schema = { type: 'Number' as const, minValue: 1000, maxValue: 3000 };
    expect(checkFieldValue(1000, schema)).toBeUndefined();
    expect(checkFieldValue(3000, schema)).toBeUndefined();
    expect(checkFieldValue(999.99, schema)).toMatch(/greater than or equal to 1000/);
    expect(checkFieldValue(3001, schema)).toMatch(/less than or equal to 3000/);
    expect(checkFieldValue('2000', schema)).toBe('should be of type number');
    expect(checkFieldValue(Number.NaN, { type: 'Number' })).toBe('should be of type number');
  });

  it('Date: valid ISO 8601 strings within the range', () => {
    const schema = { type: 'Date' as const, minValue: '2024-01-01', maxValue: '2024-12-31T23:59:59Z' };
    expect(checkFieldValue('2024-06-01', schema)).toBeUndefined();
    expect(checkFieldValue('2024-06-01T10:20:30.123+05:30', schema)).toBeUndefined();
    expect(checkFieldValue('2023-12-31T23:59:59Z', schema)).toMatch(/not be before/);
    expect(checkFieldValue('2025-01-01', schema)).toMatch(/not be after/);
    for (const bad of ['2024-02-30', '2024-13-01', 'yesterday', '2024/01/01', 20240101, '2024-01-01T25:00']) {
      expect(checkFieldValue(bad, { type: 'Date' })).toBe('should be a valid ISO 8601 date string');
    }
  });

  it('Boolean: only true/false', () => {
    expect(checkFieldValue(false, { type: 'Boolean' })).toBeUndefined();
    expect(checkFieldValue('false', { type: 'Boolean' })).toBe('should be of type boolean');
    expect(checkFieldValue(0, { type: 'Boolean' })).toBe('should be of type boolean');
  });

  it('SingleSelect and MultiSelect: options compared strictly', () => {
    const options = ['small', 30, true];
    expect(checkFieldValue(30, { type: 'SingleSelect', selectOptions: options })).toBeUndefined();
    expect(checkFieldValue('30', { type: 'SingleSelect', selectOptions: options })).toMatch(/one of/);
    expect(checkFieldValue(['small', true], { type: 'MultiSelect', selectOptions: options })).toBeUndefined();
    expect(checkFieldValue([], { type: 'MultiSelect', selectOptions: options })).toBeUndefined();
    expect(checkFieldValue('small', { type: 'MultiSelect', selectOptions: options })).toMatch(/array/);
    expect(checkFieldValue(['small', 'large'], { type: 'MultiSelect', selectOptions: options })).toMatch(/only contain/);
  });
});

describe('validateCustomMetadataValues', () => {
  const fields: CustomMetadataFieldDef[] = [
    { id: '1', name: 'price', label: 'Price', schema: { type: 'Number', minValue: 0 } },
    { id: '2', name: 'brand', label: 'Brand', schema: { type: 'Text', isValueRequired: true, defaultValue: 'Nike' } },
  ];

  it('accepts valid values and null to unset an optional field', () => {
    expect(validateCustomMetadataValues({ price: 10, brand: 'Puma' }, fields)).toEqual({ ok: true });
    expect(validateCustomMetadataValues({ price: null }, fields)).toEqual({ ok: true });
    expect(validateCustomMetadataValues({}, fields)).toEqual({ ok: true });
  });

  it('names each bad key: wrong value, unknown field, unsetting a required field', () => {
    expect(validateCustomMetadataValues({ price: -1, colour: 'red', brand: null }, fields)).toEqual({
      ok: false,
      errors: {
        price: 'should be greater than or equal to 0',
        colour: 'is not a custom metadata field of this account',
        brand: 'is required and cannot be unset',
      },
    });
  });

  it('refuses a non-object', () => {
    expect(validateCustomMetadataValues([] as unknown as Record<string, unknown>, fields).ok).toBe(false);
  });

  it('lists the defaults', () => {
    expect(defaultCustomMetadata(fields)).toEqual({ brand: 'Nike' });
  });
});

describe('parseIsoDate', () => {
  it('reads dates, date-times and offsets; date-times without offset as UTC', () => {
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-01-01T10:00')).toBe(Date.UTC(2024, 0, 1, 10));
    expect(parseIsoDate('2024-01-01T10:00:00+0200')).toBe(Date.UTC(2024, 0, 1, 8));
    expect(parseIsoDate('2024-01-01T10:00:00-05:30')).toBe(Date.UTC(2024, 0, 1, 15, 30));
  });
});
