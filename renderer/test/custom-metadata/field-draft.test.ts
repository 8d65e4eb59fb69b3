import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromField, draftSchema, emptyDraft, parseOption } from '../../src/features/custom-metadata/field-draft';

describe('field form drafts', () => {
  it('builds each type’s schema with only the rules that type uses', () => {
    expect(draftSchema({ ...emptyDraft, type: 'Number', minValue: '1', maxValue: '9', minLength: '3', required: true, defaultValue: '4' })).toEqual({
      type: 'Number', minValue: 1, maxValue: 9, isValueRequired: true, defaultValue: 4,
    });
    expect(draftSchema({ ...emptyDraft, type: 'MultiSelect', options: 'a\n 2 \n"3"\ntrue\n\n', defaultValue: 'a|2' })).toEqual({
      type: 'MultiSelect', selectOptions: ['a', 2, '3', true], defaultValue: ['a', 2],
    });
    expect(parseOption('"true"')).toBe('true');
  });

  it('checks with the server’s rules and names the broken input', () => {
    const bad = checkDraft({ ...emptyDraft, name: 'p', label: 'P', type: 'Number', minValue: '10', maxValue: '5' });
    expect(bad).toEqual({ ok: false, message: 'Invalid field object', errors: { maxValue: 'should be greater than or equal to minValue' } });
    const noDefault = checkDraft({ ...emptyDraft, name: 'p', label: 'P', type: 'Text', required: true });
    expect(noDefault.ok || noDefault.errors).toEqual({ defaultValue: 'is required when isValueRequired is true' });
    const badName = checkDraft({ ...emptyDraft, name: 'has space', label: 'X' });
    expect(badName.ok || Object.keys(badName.errors)).toEqual(['name']);
    const wrongDefault = checkDraft({ ...emptyDraft, name: 's', label: 'S', type: 'SingleSelect', options: 'a\nb', defaultValue: 'c' });
    expect(wrongDefault.ok || wrongDefault.errors.defaultValue).toBe('should be one of "a", "b"');
  });

  it('edits keep the name and type and round-trip the rules through the form', () => {
    const field = { id: 'x', name: 'size', label: 'Size', deleted: false, schema: { type: 'SingleSelect' as const, selectOptions: ['S', 30, '30'], defaultValue: 30, isValueRequired: true } };
    const draft = draftFromField(field);
    expect(draft.options).toBe('S\n30\n"30"');
    const checked = checkDraft({ ...draft, label: 'Sizes' }, field);
    expect(checked).toEqual({ ok: true, body: { name: 'size', label: 'Sizes', schema: field.schema } });
  });
});
