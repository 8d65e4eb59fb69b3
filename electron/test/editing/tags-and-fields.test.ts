import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditingHarness, type EditingHarness } from './harness';

let h: EditingHarness;
const ids: string[] = [];

beforeAll(async () => {
  h = await startEditingHarness();
  for (const name of ['a.png', 'b.png', 'c.png']) ids.push(await h.upload(name, { r: 10, g: 10, b: 10 }, { folder: '/tags' }));
});
afterAll(async () => {
  await h.close();
});

const tagsOf = async (fileId: string) => (await h.client.files.get(fileId)).tags ?? [];

describe('tags', () => {
  it('adds and removes tags on a selection in bulk, and reports a missing file without failing the rest', async () => {
    const added = await h.data('editing.addTags', { fileIds: [...ids, 'ffffffffffffffffffffffff'], tags: ['summer', 'beach'] });
    expect(added.succeeded.sort()).toEqual([...ids].sort());
    expect(added.failed).toEqual([{ item: 'ffffffffffffffffffffffff', message: 'This file no longer exists.' }]);
    expect(await tagsOf(ids[0]!)).toEqual(['summer', 'beach']);

    const removed = await h.data('editing.removeTags', { fileIds: ids.slice(0, 2), tags: ['beach'] });
    expect(removed.succeeded).toHaveLength(2);
    expect(await tagsOf(ids[0]!)).toEqual(['summer']);
    expect(await tagsOf(ids[2]!)).toEqual(['summer', 'beach']);
  });

  it('suggests the library’s tags, most used first, fresh after a change', async () => {
    const vocabulary = await h.data('editing.libraryTags', {});
    expect(vocabulary.tags).toEqual([{ tag: 'summer', count: 3 }, { tag: 'beach', count: 1 }]);
    expect(vocabulary).toMatchObject({ scannedFiles: 3, partial: false });
    await h.data('editing.updateFile', { fileId: ids[1]!, edit: { tags: ['summer', 'city'] } });
    const after = await h.data('editing.libraryTags', {});
    expect(after.tags.map((t) => t.tag)).toEqual(['summer', 'beach', 'city']);
  });

  it('sees tags that arrive outside the tag tools (an upload, another client) without waiting for the cache to age', async () => {
    const before = await h.data('editing.libraryTags', {});
    expect(before.tags.map((t) => t.tag)).not.toContain('harbour');
    // Straight through the SDK, as an upload with tags or another app would change the library.
    await h.client.files.update(ids[2]!, { tags: ['summer', 'harbour'] });
    const after = await h.data('editing.libraryTags', {});
    expect(after.tags.map((t) => t.tag)).toContain('harbour');
  });

  it('promotes AI tags to plain tags (the add comes first, so nothing is lost)', async () => {
    // The Local library has no cloud tagger, so no file carries AI tags: promotion still adds the tags.
    const promoted = await h.data('editing.promoteAITags', { fileIds: [ids[0]!], aiTags: ['Dog'] });
    expect(promoted).toEqual({ succeeded: [ids[0]], failed: [] });
    expect(await tagsOf(ids[0]!)).toEqual(['summer', 'Dog']);
    const removed = await h.data('editing.removeAITags', { fileIds: ids, aiTags: ['Dog'] });
    expect(removed.succeeded).toHaveLength(3);
  });

  it('rejects an empty tag before anything is sent', async () => {
    const result = await h.call('editing.addTags', { fileIds: ids, tags: ['  '] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('A tag cannot be empty.') });
  });

  it('sends more than 50 files in batches of 50 (ImageKit’s limit per call)', async () => {
    const many: string[] = [];
    for (let i = 0; i < 55; i += 1) many.push(await h.upload(`m${i}.png`, { r: i, g: 0, b: 0 }, { folder: '/many', width: 4, height: 4 }));
    const calls: number[] = [];
    const original = h.client.files.bulk.addTags.bind(h.client.files.bulk);
    h.client.files.bulk.addTags = ((body: { fileIds: string[]; tags: string[] }, options?: unknown) => {
      calls.push(body.fileIds.length);
      return original(body, options as never);
    }) as typeof h.client.files.bulk.addTags;
    try {
      const outcome = await h.data('editing.addTags', { fileIds: many, tags: ['batch'] });
      expect(outcome.succeeded).toHaveLength(55);
    } finally {
      h.client.files.bulk.addTags = original;
    }
    expect(calls).toEqual([50, 5]);
    expect((await h.client.files.get(many[54]!)).tags).toEqual(['batch']);
    await h.data('editing.removeTags', { fileIds: many, tags: ['batch'] });
  });
});

describe('custom metadata fields', () => {
  it('creates a field of every type with its rules, and lists deleted ones only on request', async () => {
    const made = await Promise.all([
      h.data('editing.createField', { name: 'title', label: 'Title', schema: { type: 'Text', minLength: 2, maxLength: 10 } }),
      h.data('editing.createField', { name: 'notes', label: 'Notes', schema: { type: 'Textarea', maxLength: 100 } }),
      h.data('editing.createField', { name: 'price', label: 'Price', schema: { type: 'Number', minValue: 0, maxValue: 100, isValueRequired: true, defaultValue: 5 } }),
      h.data('editing.createField', { name: 'shot', label: 'Shot on', schema: { type: 'Date', minValue: '2000-01-01T00:00:00.000Z' } }),
      h.data('editing.createField', { name: 'ok', label: 'Approved', schema: { type: 'Boolean' } }),
      h.data('editing.createField', { name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'M', 'L'] } }),
      h.data('editing.createField', { name: 'colours', label: 'Colours', schema: { type: 'MultiSelect', selectOptions: ['red', 'blue', 3] } }),
    ]);
    expect(made.map((f) => f.schema.type).sort()).toEqual(['Boolean', 'Date', 'MultiSelect', 'Number', 'SingleSelect', 'Text', 'Textarea']);
    await h.data('editing.deleteField', { id: made.find((f) => f.name === 'notes')!.id });
    const active = await h.data('editing.fields', {});
    expect(active.map((f) => f.name)).not.toContain('notes');
    const all = await h.data('editing.fields', { includeDeleted: true });
    expect(all.find((f) => f.name === 'notes')).toMatchObject({ deleted: true });
    expect(all.filter((f) => f.deleted)).toHaveLength(1);
  });

  it('refuses a bad rule with the validator’s reason before sending', async () => {
    const bad = await h.call('editing.createField', { name: 'bad', label: 'Bad', schema: { type: 'Text', minValue: 3 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Invalid field object.*minValue/) });
    const fields = await h.data('editing.fields', { includeDeleted: true });
    expect(fields.map((f) => f.name)).not.toContain('bad');
  });

  it('edits a field’s label and rules, keeping its type', async () => {
    const title = (await h.data('editing.fields', {})).find((f) => f.name === 'title')!;
    const updated = await h.data('editing.updateField', { id: title.id, label: 'Headline', schema: { type: 'Text', maxLength: 20 } });
    expect(updated).toMatchObject({ label: 'Headline', schema: { type: 'Text', maxLength: 20 } });
  });

  it('saves valid values and refuses invalid ones with the field named; nothing is written then', async () => {
    const saved = await h.data('editing.updateFile', { fileId: ids[0]!, edit: { customMetadata: { price: 42, size: 'M', colours: ['red', 3], ok: true } } });
    expect(saved.customMetadata).toMatchObject({ price: 42, size: 'M', colours: ['red', 3], ok: true });

    const bad = await h.call('editing.updateFiles', {
      edits: [
        { fileId: ids[1]!, edit: { customMetadata: { price: 7 } } },
        { fileId: ids[2]!, edit: { customMetadata: { price: 500, size: 'XL' } } },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/Nothing was saved.*price should be less than or equal to 100; size should be one of/);
    expect((await h.client.files.get(ids[1]!)).customMetadata?.price).not.toBe(7);

    const good = await h.data('editing.updateFiles', {
      edits: ids.map((fileId, i) => ({ fileId, edit: { customMetadata: { price: i + 1 }, tags: ['bulk'] } })),
    });
    expect(good.succeeded.sort()).toEqual([...ids].sort());
    const rows = await h.data('editing.filesDetails', { fileIds: ids });
    expect(rows.map((r) => [r.customMetadata?.price, r.tags])).toEqual([[1, ['bulk']], [2, ['bulk']], [3, ['bulk']]]);
  });

  it('stores custom coordinates as x,y,width,height and refuses a malformed box', async () => {
    const saved = await h.data('editing.updateFile', { fileId: ids[0]!, edit: { customCoordinates: '4,5,10,12' } });
    expect(saved.customCoordinates).toBe('4,5,10,12');
    const bad = await h.call('editing.updateFile', { fileId: ids[0]!, edit: { customCoordinates: '4,5,0,12' } });
    expect(bad.ok).toBe(false);
    const cleared = await h.data('editing.updateFile', { fileId: ids[0]!, edit: { customCoordinates: null } });
    expect(cleared.customCoordinates ?? null).toBeNull();
  });
});
