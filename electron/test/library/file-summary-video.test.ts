import { describe, expect, it } from 'vitest';
import type { File as IkFile } from '@imagekit/nodejs/resources/files/files';
import { FileSummary } from '../../../shared/domain/library';
import { toFileSummary } from '../../services/library/summaries';

/** A list answer's file object as ImageKit sends it for a replaced video. */
const listed = {
  type: 'file',
  fileId: 'f1',
  name: 'clip.mp4',
  filePath: '/clips/clip.mp4',
  url: 'https://ik.imagekit.io/demo/clips/clip.mp4',
  fileType: 'non-image',
  mime: 'video/mp4',
  size: 1000,
  width: 640,
  height: 360,
  duration: 4.04,
  versionInfo: { id: 'v3', name: 'Version 3' },
  isPrivateFile: false,
  tags: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
} as unknown as IkFile;

describe('file rows for the grid', () => {
  it('carry the duration and the version number from the list answer, valid against the contract', () => {
    const row = toFileSummary(listed);
    expect(row.duration).toBe(4.04);
    expect(row.versionNumber).toBe(3);
    expect(FileSummary.parse(row)).toEqual(row);
  });

  it('leave them empty for an image without versionInfo, and rows stored before they existed still parse', () => {
    const row = toFileSummary({ ...listed, duration: undefined, versionInfo: undefined } as unknown as IkFile);
    expect(row.duration).toBeNull();
    expect(row.versionNumber).toBeNull();
    const { duration: _d, versionNumber: _v, ...older } = row;
    expect(FileSummary.safeParse(older).success).toBe(true);
  });

  it('ignore a versionInfo name that is not "Version <n>"', () => {
    expect(toFileSummary({ ...listed, versionInfo: { id: 'x', name: 'Version 1e9' } } as unknown as IkFile).versionNumber).toBeNull();
  });
});
