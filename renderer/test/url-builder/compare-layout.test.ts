import { describe, expect, it } from 'vitest';
import { compareLayout, resultClip } from '../../src/features/url-builder/compare-layout';

describe('compareLayout', () => {
  it('overlays same-shaped images in a frame the size of the smaller one (nothing enlarged)', () => {
    expect(compareLayout({ width: 800, height: 600 }, { width: 100, height: 75 })).toEqual({ kind: 'overlay', frame: { width: 100, height: 75 } });
    expect(compareLayout({ width: 400, height: 300 }, { width: 1600, height: 1200 })).toEqual({ kind: 'overlay', frame: { width: 400, height: 300 } });
  });

  it('puts images of different shapes side by side, and waits for both sizes', () => {
    expect(compareLayout({ width: 800, height: 600 }, { width: 200, height: 200 })).toEqual({ kind: 'side-by-side' });
    expect(compareLayout({ width: 800, height: 600 }, { width: 600, height: 800 })).toEqual({ kind: 'side-by-side' });
    expect(compareLayout(undefined, { width: 200, height: 200 })).toEqual({ kind: 'loading' });
    expect(compareLayout({ width: 0, height: 0 }, { width: 200, height: 200 })).toEqual({ kind: 'loading' });
  });

  it('treats a rounding difference in a resize as the same shape', () => {
    expect(compareLayout({ width: 1000, height: 667 }, { width: 300, height: 200 }).kind).toBe('overlay');
  });
});

describe('resultClip', () => {
  it('shows all of the result at the Result end and none of it at the Original end', () => {
    expect(resultClip(100)).toBe('inset(0 0% 0 0)');
    expect(resultClip(0)).toBe('inset(0 100% 0 0)');
    expect(resultClip(30)).toBe('inset(0 70% 0 0)');
  });
});
