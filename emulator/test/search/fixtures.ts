import type { FileRecord, FolderRecord } from '../../src/model/file-record.js';
import { compileSearchQuery, type SearchTarget } from '../../src/search/index.js';

/** Fixed clock for every search test: relative dates (`7d`, `3h`) are measured from here. */
export const NOW = new Date('2026-06-15T12:00:00.000Z');

export function makeFile(label: string, overrides: Partial<FileRecord>): FileRecord {
  const name = overrides.name ?? `${label}.jpg`;
  const folderPath = overrides.folderPath ?? '/';
  return {
    fileId: label,
    versionId: `${label}-v1`,
    versionNumber: 1,
    isCurrent: true,
    name,
    filePath: `${folderPath}${name}`,
    folderPath,
    tags: null,
    aiTags: null,
    isPrivateFile: false,
    isPublished: true,
    customCoordinates: null,
    fileType: 'image',
    mime: 'image/jpeg',
    format: 'jpg',
    width: null,
    height: null,
    size: 100,
    hasAlpha: false,
    duration: null,
    customMetadata: {},
    embeddedMetadata: {},
    description: null,
    blobHash: label.padEnd(64, '0'),
    createdBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeFolder(label: string, folderPath: string, overrides: Partial<FolderRecord> = {}): FolderRecord {
  const segments = folderPath.split('/').filter(Boolean);
  return {
    folderId: label,
    name: segments[segments.length - 1],
    folderPath,
    customMetadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const redSummerCurrent = makeFile('red-summer', {
  versionId: 'red-summer-v2',
  versionNumber: 2,
  name: 'red-dress-summer.jpg',
  folderPath: '/sales-banner/',
  tags: ['summer-sale', 'sale'],
  aiTags: [{ name: 'Dress', confidence: 90, source: 'google-auto-tagging' }],
  width: 800,
  height: 600,
  size: 500_000,
  createdBy: 'alice',
  createdAt: '2026-06-14T10:00:00.000Z',
  updatedAt: '2026-06-14T10:00:00.000Z',
  customMetadata: {
    description: 'red cars',
    brand: 'nike',
    quantitySold: 150,
    active: true,
    rating: 'excellent',
    tuples: ['luxury', 500, true],
    purchaseDate: '2026-06-10T00:00:00.000Z',
  },
  embeddedMetadata: {
    Keywords: ['luxury', 'dress'],
    DateTimeOriginal: '2026-06-01T09:00:00.000Z',
    GPSLatitude: 40.5,
    GPSLongitude: 100.2,
  },
});

/** A small library covering every field with values on both sides of each test below. */
export const LIBRARY: SearchTarget[] = [
  { kind: 'file', record: redSummerCurrent },
  {
    kind: 'file',
    record: { ...redSummerCurrent, versionId: 'red-summer-v1', versionNumber: 1, isCurrent: false, tags: ['draft'], size: 400_000 },
  },
  {
    kind: 'file',
    record: makeFile('red-winter', {
      name: 'red-dress-winter.png',
      folderPath: '/sales-banner/winter/',
      tags: ['winter'],
      mime: 'image/png',
      format: 'png',
      width: 300,
      height: 200,
      size: 2_500_000,
      hasAlpha: true,
      isPrivateFile: true,
      isPublished: false,
      createdBy: 'bob',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2026-06-12T00:00:00.000Z',
      customMetadata: { description: 'black cars', quantitySold: 400, active: false, rating: 4.5, tuples: ['big-banner'] },
      embeddedMetadata: { Keywords: 'black', DateTimeOriginal: '2019:10:16 19:01:03', LocationTaken: '48.2,16.3' },
    }),
  },
  {
    kind: 'file',
    record: makeFile('red-upper', {
      name: 'Red-Dress-Summer.jpg',
      width: 1024,
      height: 400,
      size: 1024,
      createdAt: '2019-12-31T23:59:59.000Z',
      updatedAt: '2019-12-31T23:59:59.000Z',
      customMetadata: { description: 'red dress', rating: 4.3 },
      embeddedMetadata: { GPSLatitude: '48,16.5N', GPSLongitude: '16,20.28E' },
    }),
  },
  {
    kind: 'file',
    record: makeFile('promo-video', {
      name: 'promo-clip.mp4',
      folderPath: '/videos/',
      fileType: 'non-image',
      mime: 'video/mp4',
      format: 'mp4',
      width: 1920,
      height: 1080,
      duration: 90,
      size: 10 * 1024 * 1024,
      tags: ['sale'],
      createdAt: '2026-06-15T09:00:00.000Z',
      updatedAt: '2026-06-15T09:00:00.000Z',
    }),
  },
  {
    kind: 'file',
    record: makeFile('manual', {
      name: 'manual.pdf',
      folderPath: '/docs/',
      fileType: 'non-image',
      mime: 'application/pdf',
      format: 'pdf',
      size: 1_048_576,
      tags: [],
      aiTags: [],
      createdAt: '2020-01-01T12:12:12.000Z',
      updatedAt: '2020-01-01T12:12:12.000Z',
    }),
  },
  {
    kind: 'folder',
    record: makeFolder('dir-sales', '/sales-banner/', { customMetadata: { brand: 'nike' }, createdAt: '2024-05-01T00:00:00.000Z' }),
  },
  { kind: 'folder', record: makeFolder('dir-winter', '/sales-banner/winter/', { createdAt: '2026-06-13T00:00:00.000Z' }) },
  { kind: 'folder', record: makeFolder('dir-logo', '/brand/logo-assets/') },
];

/** Stable label of a target: a file's id, `id@vN` for an old version, a folder's id. */
export function label(t: SearchTarget): string {
  if (t.kind === 'folder') return t.record.folderId;
  return t.record.isCurrent ? t.record.fileId : `${t.record.fileId}@v${t.record.versionNumber}`;
}

/** Labels of every LIBRARY target the query matches, sorted. */
export function search(query: string, library: SearchTarget[] = LIBRARY): string[] {
  const { matches } = compileSearchQuery(query, { now: NOW });
  return library.filter(matches).map(label).sort();
}

export const ALL_FILES = ['manual', 'promo-video', 'red-summer', 'red-upper', 'red-winter'];
export const ALL_FOLDERS = ['dir-logo', 'dir-sales', 'dir-winter'];
export const EVERYTHING = [...ALL_FILES, ...ALL_FOLDERS].sort();

export const sorted = (labels: string[]) => [...labels].sort();
