/**
 * Fills an emulator data directory with a synthetic library through the store's bulk seeding path
 * (`seedLibraryRows`): 40 small PNG blobs shared by every row, 100 folders, ten tags, a brand custom
 * field, one private file in fifty, creation dates spread over 400 days. Uploading this many files
 * would take hours; the rows are what list and search read.
 */
import sharp from 'sharp';
import type { FileRecord } from '../../emulator/src/model/file-record.js';
import { newObjectId } from '../../emulator/src/model/ids.js';
import { seedLibraryRows, type SeedBlob } from '../../emulator/src/store/seed.js';

/** The searchQuery forms every library bench measures. */
export const SEARCH_FORMS = [
  'name : "photo-12"',
  'tags IN ["sale","hero"] AND private = false',
  'createdAt > "30d" AND size < "1mb"',
  'format = "png" AND width > 1000 AND height <= 900',
  '"customMetadata.brand" = "Nike" AND path : "/folder-1"',
] as const;

const TAGS = ['sale', 'summer', 'winter', 'red', 'blue', 'new', 'archive', 'hero', 'banner', 'product'];
const FOLDERS = 100;
const DAY = 86_400_000;

async function blobSources(): Promise<{ data: Buffer; width: number; height: number }[]> {
  const out: { data: Buffer; width: number; height: number }[] = [];
  for (let i = 0; i < 40; i++) {
    const width = 100 + i * 37;
    const height = 80 + i * 23;
    const data = await sharp({ create: { width, height, channels: 3, background: { r: i * 6, g: 100, b: 200 - i * 4 } } }).png().toBuffer();
    out.push({ data, width, height });
  }
  return out;
}

/** The i-th file of a library of `total` (deterministic apart from its ids). */
export function seededRecord(i: number, total: number, blob: SeedBlob, start: number): FileRecord {
  const fileId = newObjectId();
  const folderPath = `/folder-${i % FOLDERS}/`;
  const at = new Date(start + (i * 400 * DAY) / total).toISOString();
  const name = `photo-${i}.png`;
  return {
    fileId, versionId: fileId, versionNumber: 1, isCurrent: true, name, filePath: folderPath + name, folderPath,
    tags: [TAGS[i % 10], TAGS[(i * 7) % 10]], aiTags: null, isPrivateFile: i % 50 === 0, isPublished: true, customCoordinates: null,
    fileType: 'image', mime: 'image/png', format: 'png', width: blob.width, height: blob.height, size: blob.size, hasAlpha: false,
    duration: null, customMetadata: { brand: ['Nike', 'Acme', 'Umbra'][i % 3] }, embeddedMetadata: {}, description: null,
    blobHash: blob.hash, createdBy: null, createdAt: at, updatedAt: at,
  };
}

/** Seeds `total` files; `onBatch` sees each batch of records once written (e.g. to fill another index). */
export async function seedLibrary(dataDir: string, total: number, onBatch?: (records: FileRecord[]) => void): Promise<void> {
  const start = Date.now() - 400 * DAY;
  const folders = Array.from({ length: FOLDERS }, (_, i) => ({
    folderId: newObjectId(), name: `folder-${i}`, folderPath: `/folder-${i}/`, customMetadata: {},
    createdAt: new Date(start).toISOString(), updatedAt: new Date(start).toISOString(),
  }));
  await seedLibraryRows(dataDir, {
    blobs: await blobSources(),
    folders,
    total,
    record: (i, blobs) => seededRecord(i, total, blobs[i % blobs.length], start),
    onBatch,
  });
}
