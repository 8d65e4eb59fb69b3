import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditingHarness, type EditingHarness } from './harness';

let h: EditingHarness;
let fileId: string;

const RED = { r: 220, g: 20, b: 20 };
const GREEN = { r: 20, g: 200, b: 20 };
const BLUE = { r: 20, g: 20, b: 220 };

async function pixelOf(url: string): Promise<number[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const { data } = await sharp(Buffer.from(await response.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  return [data[0]!, data[1]!, data[2]!];
}

beforeAll(async () => {
  h = await startEditingHarness();
  // Three versions by overwriting the same path: red, then green, then blue (current).
  fileId = await h.upload('swatch.png', RED);
  await h.upload('swatch.png', GREEN);
  await h.upload('swatch.png', BLUE, { width: 50 });
});
afterAll(async () => {
  await h.close();
});

describe('editing.versions', () => {
  it('lists every version, current first, with name, size, dimensions and a URL serving exactly that version', async () => {
    const versions = await h.data('editing.versions', { fileId });
    expect(versions).toHaveLength(3);
    expect(versions[0]).toMatchObject({ isCurrent: true, details: { width: 50, height: 30 } });
    expect(versions.slice(1).every((v) => !v.isCurrent && v.previewUrl.includes(`ik-obj-version=${v.versionId}`))).toBe(true);
    expect(versions.map((v) => v.versionName)).toEqual(['Version 3', 'Version 2', 'Version 1']);
    for (const v of versions) expect(v.details.size).toBeGreaterThan(0);
    const colours = await Promise.all(versions.map((v) => pixelOf(v.previewUrl)));
    expect(colours[0]![2]).toBeGreaterThan(200); // blue
    expect(colours.slice(1).map((c) => (c[0]! > 200 ? 'red' : c[1]! > 180 ? 'green' : 'other'))).toEqual(['green', 'red']);
  });

  it('decodes two versions to the same size for the pixel comparison', async () => {
    const versions = await h.data('editing.versions', { fileId });
    const [current, older] = [versions[0]!, versions[1]!];
    const pixels = await h.data('editing.versionPixels', { fileId, versionIds: [older.versionId, current.versionId], maxSize: 20 });
    expect(pixels.width).toBe(20);
    expect(pixels.height).toBe(15);
    const decoded = await Promise.all(
      pixels.images.map((img) => sharp(Buffer.from(img.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')).metadata()),
    );
    expect(decoded.map((m) => [m.width, m.height])).toEqual([[20, 15], [20, 15]]);
    expect(pixels.images.map((i) => i.versionId)).toEqual([older.versionId, current.versionId]);
  });

  it('refuses to delete the current version with ImageKit’s words, and deletes an older one', async () => {
    const versions = await h.data('editing.versions', { fileId });
    const current = await h.call('editing.deleteVersion', { fileId, versionId: versions[0]!.versionId });
    expect(current.ok).toBe(false);
    if (!current.ok) expect(current.error).toMatchObject({ code: 'IMAGEKIT_REJECTED', message: expect.stringMatching(/^Could not delete the version: .*current version/) });
    const oldest = versions[versions.length - 1]!;
    await h.data('editing.deleteVersion', { fileId, versionId: oldest.versionId });
    const after = await h.data('editing.versions', { fileId });
    expect(after.map((v) => v.versionId)).not.toContain(oldest.versionId);
    expect(after).toHaveLength(2);
  });

  it('restores a version: it is served again, and a purge suggestion for the file URL is recorded', async () => {
    const versions = await h.data('editing.versions', { fileId });
    const older = versions.find((v) => !v.isCurrent)!;
    const restored = await h.data('editing.restoreVersion', { fileId, versionId: older.versionId });
    expect(restored.purgeUrls).toHaveLength(1);
    expect(restored.purgeUrls[0]).toMatch(/\/edit\/swatch\.png$/);
    const colour = await pixelOf(restored.file.url);
    expect(colour[1]).toBeGreaterThan(180); // green again (red was deleted above)
    expect(restored.purgeSuggestionId).toEqual(expect.any(String));
    const suggestions = await h.data('purge.suggestions', {});
    expect(suggestions.find((s) => s.id === restored.purgeSuggestionId)).toMatchObject({ reason: 'restore', filePath: '/edit/swatch.png' });
  });

  it('signs the preview URLs of a private file (the version inside the signature), and they serve each version', async () => {
    const png = (color: typeof RED) => sharp({ create: { width: 8, height: 8, channels: 3, background: color } }).png().toBuffer();
    const up = async (color: typeof RED) =>
      h.client.files.upload({ file: await toFile(await png(color), 'p.png'), fileName: 'p.png', folder: '/private', useUniqueFileName: false, isPrivateFile: true });
    const first = await up(RED);
    await up(BLUE);
    const versions = await h.data('editing.versions', { fileId: first.fileId! });
    expect(versions.every((v) => v.previewUrl.includes('ik-s='))).toBe(true);
    const unsigned = await fetch(versions[1]!.details.url);
    expect(unsigned.status).toBe(401);
    expect((await pixelOf(versions[0]!.previewUrl))[2]).toBeGreaterThan(200);
    expect((await pixelOf(versions[1]!.previewUrl))[0]).toBeGreaterThan(200);
    const pixels = await h.data('editing.versionPixels', { fileId: first.fileId!, versionIds: [versions[1]!.versionId, versions[0]!.versionId] });
    expect(pixels.images).toHaveLength(2);
  });

  it('reports an unknown file as NOT_FOUND', async () => {
    const result = await h.call('editing.versions', { fileId: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
    expect(h.problems.filter((p) => !p.startsWith('system keychain unavailable'))).toEqual([]);
  });
});
