import { describe, expect, it } from 'vitest';
import { versionPosition } from '../../src/features/browser/version-position';

const v = (versionName: string, isCurrent = false) => ({ versionName, isCurrent });

describe('versionPosition ("Version 2 of 3" in Details)', () => {
  it('counts from the oldest, whatever order the list comes in (current first)', () => {
    expect(versionPosition([v('Version 3', true), v('Version 2'), v('Version 1')])).toBe(3);
    expect(versionPosition([v('Version 2', true), v('Version 3'), v('Version 1')])).toBe(2);
  });

  it('a restored Version 1 is the first of three', () => {
    expect(versionPosition([v('Version 1', true), v('Version 3'), v('Version 2')])).toBe(1);
  });

  it('a deleted version leaves no gap in the count', () => {
    expect(versionPosition([v('Version 3', true), v('Version 1')])).toBe(2);
  });

  it('a single version, or a current one without a number, is the newest', () => {
    expect(versionPosition([v('Version 1', true)])).toBe(1);
    expect(versionPosition([v('Current version', true), v('Version 1')])).toBe(2);
  });
});
