import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibraryHarness, type LibraryHarness } from './harness';

let h: LibraryHarness;

beforeAll(async () => {
  h = await startLibraryHarness();
  await h.upload('/trips/2024', 'beach-photo.png', { width: 60 });
  await h.upload('/trips/2024', 'Mountain-Photo.png', { width: 20 });
  await h.upload('/trips/2024', 'secret-plan.png', { isPrivateFile: true, width: 40 });
  await h.upload('/trips', 'overview.png');
  await h.upload('/docs', 'notes.png');
});
afterAll(async () => {
  await h.close();
});

describe('library.list and library.folders', () => {
  it('lists the direct subfolders of a folder, one level at a time', async () => {
    const root = await h.data('library.folders', { folderPath: '/' });
    expect(root.map((f) => f.folderPath)).toEqual(['/docs', '/trips']);
    const trips = await h.data('library.folders', { folderPath: '/trips' });
    expect(trips.map((f) => [f.name, f.folderPath])).toEqual([['2024', '/trips/2024']]);
  });

  it('lists only the files directly in the folder, in the requested sort, in pages', async () => {
    const all = await h.data('library.list', { folderPath: '/trips/2024', sort: 'ASC_NAME' });
    expect(all.items.map((f) => f.name)).toEqual(['Mountain-Photo.png', 'beach-photo.png', 'secret-plan.png']);
    expect(all.hasMore).toBe(false);

    const first = await h.data('library.list', { folderPath: '/trips/2024', sort: 'DESC_WIDTH', limit: 2 });
    expect(first.items.map((f) => f.width)).toEqual([60, 40]);
    expect(first).toMatchObject({ hasMore: true, nextSkip: 2 });
    const second = await h.data('library.list', { folderPath: '/trips/2024', sort: 'DESC_WIDTH', limit: 2, skip: first.nextSkip });
    expect(second.items.map((f) => f.width)).toEqual([20]);
    expect(second.hasMore).toBe(false);
  });

  it('filters private files through searchQuery, combined with the person’s own query', async () => {
    const priv = await h.data('library.list', { folderPath: '/trips/2024', visibility: 'private' });
    expect(priv.items.map((f) => f.name)).toEqual(['secret-plan.png']);
    const pub = await h.data('library.list', { folderPath: '/trips/2024', visibility: 'public', searchQuery: 'name : "beach" OR name : "secret"' });
    expect(pub.items.map((f) => f.name)).toEqual(['beach-photo.png']);
  });

  it('searches the whole library when asked, and only files come back', async () => {
    const found = await h.data('library.list', { folderPath: '/trips', scope: 'library', searchQuery: 'name : "notes"' });
    expect(found.items.map((f) => f.filePath)).toEqual(['/docs/notes.png']);
  });

  it('answers a bad searchQuery with ImageKit’s own 400 message', async () => {
    const result = await h.call('library.list', { folderPath: '/', searchQuery: 'name = ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMAGEKIT_REJECTED');
    expect(result.error.message).toMatch(/^Could not search: .+/);
  });

  it('returns every field of one file', async () => {
    const [file] = (await h.data('library.list', { folderPath: '/docs' })).items;
    const details = await h.data('library.file', { fileId: file!.fileId });
    expect(details).toMatchObject({ fileId: file!.fileId, name: 'notes.png', filePath: '/docs/notes.png', fileType: 'image', width: 40, height: 30 });
    expect(details.versionInfo?.name).toBe('Version 1');
    expect(details).toHaveProperty('embeddedMetadata');
  });

  it('remembers recent searches per profile, newest first', async () => {
    const recent = await h.data('library.recentSearches', {});
    expect(recent.map((r) => r.text).slice(0, 2)).toEqual(['name : "notes"', 'name : "beach" OR name : "secret"']);
    expect(recent.every((r) => r.kind === 'query')).toBe(true);
  });
});

describe('local name index', () => {
  it('matches substrings of listed names, case-insensitively, and says how complete it is', async () => {
    await h.data('library.list', { folderPath: '/trips/2024', limit: 2 });
    const partial = await h.data('library.searchNames', { text: 'PHOTO', folderPath: '/trips/2024' });
    expect(partial.items.map((f) => f.name).sort()).toEqual(['Mountain-Photo.png', 'beach-photo.png']);

    // Short texts fall back to LIKE (the trigram index needs 3 characters).
    const short = await h.data('library.searchNames', { text: 'CH' });
    expect(short.items.map((f) => f.name)).toEqual(['beach-photo.png']);
    expect(short.stale).toBe(true);
    expect(short.note).toMatch(/whole library has not been indexed yet/);

    const indexed = await h.data('library.reindex', {});
    expect(indexed.indexedFiles).toBe(5);
    const everywhere = await h.data('library.searchNames', { text: 'tes' });
    expect(everywhere.items.map((f) => f.filePath)).toEqual(['/docs/notes.png']);
    expect(everywhere.stale).toBe(false);
    expect(everywhere.note).toMatch(/^Searched 5 names indexed/);
  });

  it('keeps the index on disk per profile, where a full folder listing drops files deleted elsewhere', async () => {
    const { client } = await h.services.sessions.resolve();
    const gone = await h.upload('/docs', 'gone-soon.png');
    await h.data('library.list', { folderPath: '/docs' });
    expect((await h.data('library.searchNames', { text: 'gone', folderPath: '/docs' })).items).toHaveLength(1);
    await client.files.delete(gone.fileId); // behind MediaDesk's back
    expect((await h.data('library.searchNames', { text: 'gone', folderPath: '/docs' })).items).toHaveLength(1);
    await h.data('library.list', { folderPath: '/docs' });
    const after = await h.data('library.searchNames', { text: 'gone', folderPath: '/docs' });
    expect(after.items).toHaveLength(0);
    expect(after.completeAt).not.toBeNull();
  });
});
