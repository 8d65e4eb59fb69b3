import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFieldValue, type CustomMetadataFieldDef, type SelectOption } from '../../../shared/custom-metadata/validate';
import { decodeValue, encodeValue } from '../../src/features/custom-metadata/value-codec';
import { exportCsv, planCsvImport } from '../../src/features/custom-metadata/csv';
import type { FileDetails } from '../../../shared/domain/library';

/**
 * The grid and the CSV carry values as text. Every value the validator accepts must come back from
 * its text unchanged (type included: 30 stays a number, "30" a string), or the bulk editor and a CSV
 * round trip would silently change data. (Agreement of validator and emulator is A2's property test
 * in emulator/test/custom-metadata/agreement.property.test.ts.)
 */

// Option texts must be unambiguous in one cell: no separator, no edge spaces, distinct as text.
const optionText = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('|') && s.trim() === s && s !== '');
const option: fc.Arbitrary<SelectOption> = fc.oneof(optionText, fc.integer({ min: -1000, max: 1000 }), fc.boolean());
const options = fc.uniqueArray(option, { minLength: 1, maxLength: 6, selector: (o) => String(o) });

const fieldAndValue: fc.Arbitrary<{ field: CustomMetadataFieldDef; value: unknown }> = fc.oneof(
  fc.record({ type: fc.constantFrom('Text' as const, 'Textarea' as const), value: fc.string({ minLength: 1, maxLength: 30 }) }).map(({ type, value }) => ({
    field: { id: 'f', name: 'f', label: 'F', schema: { type } },
    value,
  })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({
    field: { id: 'f', name: 'f', label: 'F', schema: { type: 'Number' as const } },
    value: Object.is(value, -0) ? 0 : value,
  })),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => ({
    field: { id: 'f', name: 'f', label: 'F', schema: { type: 'Date' as const } },
    value: d.toISOString(),
  })),
  fc.boolean().map((value) => ({ field: { id: 'f', name: 'f', label: 'F', schema: { type: 'Boolean' as const } }, value })),
  options.chain((opts) =>
    fc.constantFrom(...opts).map((value) => ({ field: { id: 'f', name: 'f', label: 'F', schema: { type: 'SingleSelect' as const, selectOptions: opts } }, value })),
  ),
  options.chain((opts) =>
    fc.subarray(opts, { minLength: 1 }).map((value) => ({ field: { id: 'f', name: 'f', label: 'F', schema: { type: 'MultiSelect' as const, selectOptions: opts } }, value })),
  ),
);

describe('value text round trip', () => {
  it('every valid value survives encode → decode with its type', () => {
    fc.assert(
      fc.property(fieldAndValue, ({ field, value }) => {
        expect(checkFieldValue(value, field.schema)).toBeUndefined();
        expect(decodeValue(encodeValue(value), field)).toEqual(value);
      }),
      { numRuns: 400, seed: 7107 },
    );
  });

  it('a CSV export of valid values imports back with no change and no problem', () => {
    fc.assert(
      fc.property(fc.array(fieldAndValue, { minLength: 1, maxLength: 5 }), (pairs) => {
        const fields = pairs.map((p, i) => ({ ...p.field, id: `f${i}`, name: `f${i}`, label: `F${i}` }));
        const file: FileDetails = {
          fileId: 'a', type: 'file', name: 'a', filePath: '/a', url: 'u', fileType: 'image', size: 1, createdAt: 'c', updatedAt: 'u',
          customMetadata: Object.fromEntries(pairs.map((p, i) => [`f${i}`, p.value])),
        };
        const plan = planCsvImport(exportCsv([file], fields), [file], fields);
        expect(plan.problems).toEqual([]);
        expect(plan.edits).toEqual([]);
      }),
      { numRuns: 200, seed: 7108 },
    );
  });
});
