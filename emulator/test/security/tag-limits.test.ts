import { toFile } from '@imagekit/nodejs';
import { describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { pngBytes } from '../helpers/fixtures.js';

/**
 * Upload limits tags to 500 characters in total (ImageKit's documented limit); the bulk tag routes and
 * the details update must not let a file, or a request, carry more. Sent over HTTP as a client would.
 */
const emu = withEmulator();
const HELP = 'For support kindly contact us at support@imagekit.io.';
const TOO_MANY = Array.from({ length: 10_000 }, (_, i) => `tag-${i}`);
/** Tags whose comma-joined length is exactly `chars`. */
const tagsOfLength = (chars: number) => ['a'.repeat(chars - 2), 'b'];

async function call(method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.current.apiUrl}${path}`, {
    method,
    headers: { authorization: emu.current.authHeader, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function uploadOne(name: string, tags?: string[]): Promise<string> {
  const up = await emu.current.sdk.files.upload({ file: await toFile(await pngBytes(4, 4), name), fileName: name, useUniqueFileName: false, tags });
  return up.fileId!;
}

const tagsOf = async (fileId: string) => (await emu.current.sdk.files.get(fileId)).tags ?? null;

describe('tag limits match upload on every route that takes tags', () => {
  it('upload refuses 10,000 tags with ImageKit’s 400 (the rule the other routes follow)', async () => {
    await expect(uploadOne('many.png', TOO_MANY)).rejects.toMatchObject({
      status: 400,
      error: { message: 'Your request contains invalid tags parameter. Tags can be at most 500 characters in total.', help: HELP },
    });
  });

  it('addTags, removeTags and removeAITags refuse 10,000 tags with the same 400 and change nothing', async () => {
    const fileId = await uploadOne('bulk.png', ['keep']);
    for (const [path, list] of [['/v1/files/addTags', 'tags'], ['/v1/files/removeTags', 'tags'], ['/v1/files/removeAITags', 'AITags']]) {
      const res = await call('POST', path, { fileIds: [fileId], [list]: TOO_MANY });
      expect(res.status, path).toBe(400);
      expect(res.json, path).toEqual({ message: `Your request contains invalid ${list} parameter. Tags can be at most 500 characters in total.`, help: HELP });
    }
    expect(await tagsOf(fileId)).toEqual(['keep']);
  });

  it('the details update refuses 10,000 tags or AI tag names to remove', async () => {
    const fileId = await uploadOne('details.png', ['keep']);
    for (const body of [{ tags: TOO_MANY }, { removeAITags: TOO_MANY }]) {
      const res = await call('PATCH', `/v1/files/${fileId}/details`, body);
      expect(res.status, Object.keys(body)[0]).toBe(400);
      expect(res.json).toMatchObject({ message: expect.stringMatching(/^Your request contains invalid (tags|removeAITags)\b.*500 characters in total/), help: HELP });
    }
    expect(await tagsOf(fileId)).toEqual(['keep']);
  });

  it('accepts exactly 500 characters, and refuses an addTags that would take a file past them', async () => {
    const fileId = await uploadOne('edge.png');
    expect((await call('POST', '/v1/files/addTags', { fileIds: [fileId], tags: tagsOfLength(500) })).status).toBe(200);
    expect((await tagsOf(fileId))?.join(',').length).toBe(500);
    const over = await call('POST', '/v1/files/addTags', { fileIds: [fileId], tags: ['c'] });
    expect(over.status).toBe(400);
    expect(over.json).toEqual({ message: expect.stringContaining(`File ${fileId} would have more than 500 characters of tags`), help: HELP });
    expect((await tagsOf(fileId))?.join(',').length).toBe(500);
    expect((await call('PATCH', `/v1/files/${fileId}/details`, { tags: tagsOfLength(501) })).status).toBe(400);
    expect((await call('PATCH', `/v1/files/${fileId}/details`, { tags: tagsOfLength(500) })).status).toBe(200);
  });

  it('still answers afterwards', async () => {
    expect((await emu.current.sdk.assets.list({})).length).toBeGreaterThan(0);
  });
});
