import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('writes bytes below 1 KB as bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('keeps one decimal below 10 units and rounds above', () => {
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(2458)).toBe('2.4 KB');
    expect(formatBytes(38 * 1024 * 1024)).toBe('38 MB');
    expect(formatBytes(1.2 * 1024 ** 3)).toBe('1.2 GB');
  });

  it('stops at TB instead of running out of units', () => {
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TB');
  });
});
