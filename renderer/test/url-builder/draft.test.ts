import { describe, expect, it } from 'vitest';
import { cleanSteps, fromDraft, parseWidths, toDraft, urlStepIndexes, type DraftState } from '../../src/features/url-builder/draft';
import { checkField, fieldForOption, fieldsFor, initialValue } from '../../src/features/url-builder/step-fields';
import { duplicateStep, moveStep, removeOption, removeStep, setOption } from '../../src/features/url-builder/step-list-ops';
import { PARAMETERS } from '../../../shared/transformations/index';

const state = (over: Partial<DraftState> = {}): DraftState => ({ src: ' /a.jpg ', steps: [], position: 'path', query: [], signed: false, expiresIn: '', ...over });

describe('builder state → draft', () => {
  it('leaves empty boxes, empty steps and empty layer positions out of the draft', () => {
    const steps = [{ width: '', height: '200' }, {}, { overlay: { type: 'text' as const, text: 'Hi', position: { x: '', y: '5' }, transformation: [{ fontSize: '' }] } }];
    expect(cleanSteps(steps)).toEqual([{ height: '200' }, { overlay: { type: 'text', text: 'Hi', position: { y: '5' } } }]);
    expect(urlStepIndexes(steps)).toEqual([0, 2]);
  });

  it('keeps flags that are off (false) so the SDK drops them itself, and named query parameters only', () => {
    const draft = toDraft(state({ steps: [{ grayscale: false }], query: [{ name: ' v ', value: '2' }, { name: '', value: 'x' }] }));
    expect(draft).toEqual({ src: '/a.jpg', transformation: [{ grayscale: false }], transformationPosition: 'path', signed: false, queryParameters: { v: '2' } });
  });

  it('sends an expiry only when signing (a positive expiresIn alone would sign)', () => {
    expect(toDraft(state({ signed: false, expiresIn: '60' })).expiresIn).toBeUndefined();
    expect(toDraft(state({ signed: true, expiresIn: '60' })).expiresIn).toBe(60);
  });

  it('loads a parsed URL or a preset, keeping the file when the preset has none', () => {
    const loaded = fromDraft({ transformation: [{ width: '10' }], expiresIn: 30 }, state());
    expect(loaded).toMatchObject({ src: ' /a.jpg ', steps: [{ width: '10' }], position: 'query', signed: true, expiresIn: '30' });
  });

  it('reads widths for srcset: whole numbers only, sorted, no repeats', () => {
    expect(parseWidths('640, 320 abc 320 0 20000 1280')).toEqual([320, 640, 1280]);
  });
});

describe('chain edits', () => {
  const steps = [{ width: '1' }, { rotation: '90' }, { height: '3' }];
  it('duplicates after, moves within bounds, removes', () => {
    const copy = duplicateStep(steps, 0);
    expect(copy).toEqual([{ width: '1' }, { width: '1' }, { rotation: '90' }, { height: '3' }]);
    expect(copy[1]).not.toBe(copy[0]);
    expect(moveStep(steps, 1, -1)).toEqual([{ rotation: '90' }, { width: '1' }, { height: '3' }]);
    expect(moveStep(steps, 0, -1)).toBe(steps);
    expect(removeStep(steps, 1)).toEqual([{ width: '1' }, { height: '3' }]);
  });

  it('keeps option order when setting and removing (the SDK writes them in that order)', () => {
    expect(Object.keys(setOption({ height: '1', width: '2' }, 'height', '5'))).toEqual(['height', 'width']);
    expect(removeOption({ height: '1', width: '2' }, 'height')).toEqual({ width: '2' });
  });
});

describe('step fields over the catalog', () => {
  it('offers every catalog parameter that is not layer structure, each with its SDK option', () => {
    const keys = fieldsFor(undefined).map((f) => f.key);
    const expected = PARAMETERS.filter((p) => !p.layerOnly && p.key !== 'l').map((p) => p.key);
    expect(keys).toEqual(expected);
    expect(fieldForOption('width', undefined)?.key).toBe('w');
    expect(fieldForOption('contrastStretch', undefined)?.key).toBe('e-contrast');
    expect(fieldForOption('fontSize', undefined)).toBeUndefined();
    expect(fieldForOption('fontSize', 'text')?.key).toBe('fs');
  });

  it('flags a bad value with the catalog parser, before anything is requested', () => {
    const quality = fieldForOption('quality', undefined)!;
    expect(checkField(quality, '80', false)).toBeUndefined();
    expect(checkField(quality, '500', false)).toMatch(/"q".*from 1 to 100/);
    expect(checkField(quality, '', false)).toBeUndefined();
    expect(checkField(fieldForOption('fontColor', 'text')!, 'nocolour', true)).toMatch(/co/);
    expect(checkField(fieldForOption('sharpen', undefined)!, true, false)).toBeUndefined();
    expect(checkField(fieldForOption('defaultImage', undefined)!, '/folder/x.jpg', false)).toBeUndefined();
  });

  it('starts flags and booleans on, everything else empty', () => {
    expect(initialValue(fieldForOption('grayscale', undefined)!)).toBe(true);
    expect(initialValue(fieldForOption('progressive', undefined)!)).toBe(true);
    expect(initialValue(fieldForOption('width', undefined)!)).toBe('');
  });
});
