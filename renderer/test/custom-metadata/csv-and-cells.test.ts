import { describe, expect, it } from 'vitest';
import type { CustomMetadataFieldDef } from '../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../shared/domain/library';
import { exportCsv, planCsvImport } from '../../src/features/custom-metadata/csv';
import { planBulkSave, TAGS_COLUMN } from '../../src/features/custom-metadata/bulk-edits';
import { checkValue, decodeValue, encodeValue } from '../../src/features/custom-metadata/value-codec';

const fields: CustomMetadataFieldDef[] = [
  { id: '1', name: 'title', label: 'Title', schema: { type: 'Text', minLength: 2 } },
  { id: '2', name: 'price', label: 'Price', schema: { type: 'Number', maxValue: 100 } },
  { id: '3', name: 'ok', label: 'OK', schema: { type: 'Boolean' } },
  { id: '4', name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 30, true] } },
  { id: '5', name: 'tags2', label: 'Colours', schema: { type: 'MultiSelect', selectOptions: ['red', 3] } },
  { id: '6', name: 'day', label: 'Day', schema: { type: 'Date', isValueRequired: true, defaultValue: '2020-01-01' } },
];

function file(fileId: string, customMetadata: Record<string, unknown> = {}, tags: string[] | null = null): FileDetails {
  return {
    fileId, type: 'file', name: `${fileId}.png`, filePath: `/f/${fileId}.png`, url: `http://x/${fileId}.png`, fileType: 'image',
    size: 1, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z', customMetadata, tags,
  };
}

describe('cell text ↔ values', () => {
  it('keeps option types (30 is not "30") and leaves bad text for the validator to name', () => {
    expect(decodeValue('30', fields[3]!)).toBe(30);
    expect(decodeValue('true', fields[3]!)).toBe(true);
    expect(decodeValue('S', fields[3]!)).toBe('S');
    expect(decodeValue('red | 3', fields[4]!)).toEqual(['red', 3]);
    expect(decodeValue('abc', fields[1]!)).toBe('abc');
    expect(checkValue('abc', fields[1]!)).toBe('should be of type number');
    expect(checkValue(decodeValue('XL', fields[3]!), fields[3]!)).toBe('should be one of "S", 30, true');
    expect(decodeValue('   ', fields[1]!)).toBeNull();
    expect(checkValue(null, fields[5]!)).toBe('is required and cannot be unset');
    expect(encodeValue(['red', 3])).toBe('red|3');
    expect(decodeValue('maybe', fields[2]!)).toBe('maybe');
  });
});

describe('bulk editor plan', () => {
  it('sends only changed cells, and keeps invalid ones out with a message', () => {
    const files = [file('a', { price: 5 }), file('b', {}, ['x'])];
    const plan = planBulkSave(files, fields, {
      a: { price: '5', title: 'Hi' },
      b: { price: '500', [TAGS_COLUMN]: 'x, y', ok: 'false' },
    });
    expect(plan.edits).toEqual([
      { fileId: 'a', edit: { customMetadata: { title: 'Hi' } } },
      { fileId: 'b', edit: { tags: ['x', 'y'], customMetadata: { ok: false } } },
    ]);
    expect(plan.errors).toEqual({ b: { price: 'Price should be less than or equal to 100' } });
    expect(plan.changedCells).toBe(3);
  });
});

describe('CSV', () => {
  it('round-trips: importing an export changes nothing', () => {
    const files = [file('a', { title: 'Say "hi", then go', price: 1.5, size: 30, tags2: ['red', 3], day: '2021-02-03' }, ['t1', 't2']), file('b')];
    const csv = exportCsv(files, fields);
    expect(csv.split('\r\n')[0]).toBe('fileId,filePath,tags,title,price,ok,size,tags2,day');
    const plan = planCsvImport(csv, files, fields);
    expect(plan).toMatchObject({ edits: [], problems: [], ignoredColumns: [], rows: 2 });
  });

  it('reports every bad cell, unknown files, duplicates and a missing fileId column without planning a write for them', () => {
    const files = [file('a'), file('b')];
    const text = ['fileId,price,size,extra', 'a,12,S,1', 'b,abc,XL,2', 'zzz,1,S,3', 'a,13,S,4', ''].join('\n');
    const plan = planCsvImport(text, files, fields);
    expect(plan.edits).toEqual([{ fileId: 'a', filePath: '/f/a.png', edit: { customMetadata: { price: 12, size: 'S' } }, changed: ['price', 'size'] }]);
    expect(plan.ignoredColumns).toEqual(['extra']);
    expect(plan.problems).toEqual([
      { line: 3, column: 'price', message: 'Price should be of type number' },
      { line: 3, column: 'size', message: 'Size should be one of "S", 30, true' },
      { line: 4, column: 'fileId', message: 'No file with id zzz is open in the editor.' },
      { line: 5, column: 'fileId', message: 'The file /f/a.png appears more than once.' },
    ]);
    expect(planCsvImport('name,price\nx,1', files, fields).problems[0]).toMatchObject({ line: 1, column: 'fileId' });
  });

  it('reads a CSV saved by a spreadsheet (BOM, CRLF, quoted commas) and clears a value with an empty cell', () => {
    const files = [file('a', { title: 'Old' })];
    const plan = planCsvImport('\uFEFFfileId,title,tags\r\na,,"one, two"\r\n', files, fields);
    expect(plan.problems).toEqual([]);
    expect(plan.edits[0]!.edit).toEqual({ customMetadata: { title: null }, tags: ['one', 'two'] });
  });
});
