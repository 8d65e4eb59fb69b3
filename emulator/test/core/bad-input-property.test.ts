import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withEmulator } from '../helpers/emulator.js';

const emu = withEmulator();

const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('..', '.', '/', '//', '\\', '\0', 'a/../b', 'C:\\x', '%2e%2e', '\u202E', '\uFEFF', '\uD800', 'x'.repeat(300)),
  fc.array(fc.constantFrom('a', '.', '/', '\\', '\0', 'é', '😀', ' ', '%', '..'), { maxLength: 30 }).map((a) => a.join('')),
);
const jsonValue = fc.jsonValue({ maxDepth: 3 });

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${emu.current.apiUrl}${url}`, {
    method,
    headers: { authorization: emu.current.authHeader, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { message?: string; help?: string; filePath?: string };
  return { status: res.status, json };
}

describe('arbitrary input never yields a 500', () => {
  it('upload fileName/folder: 200 with a clean path inside the library, or a specific 400', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString, fc.option(nastyString, { nil: undefined }), async (fileName, folder) => {
        const form = new FormData();
        form.append('file', new Blob([Buffer.from('data')]), 'f');
        form.append('fileName', fileName);
        if (folder !== undefined) form.append('folder', folder);
        const res = await fetch(`${emu.current.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: emu.current.authHeader } });
        const json = (await res.json()) as { message?: string; filePath?: string };
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) {
          expect(json.filePath).toMatch(/^\/([\p{L}\p{M}\p{N}_-]+\/)*[\p{L}\p{M}\p{N}._-]+$/u);
          expect(json.filePath!.split('/')).not.toContain('..');
        } else {
          expect(json.message).toMatch(/\S{5,}/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('JSON endpoints: arbitrary bodies and paths answer 2xx/4xx with ImageKit-shaped errors', async () => {
    const endpoints: [string, string][] = [
      ['POST', '/v1/files/addTags'], ['POST', '/v1/files/removeTags'], ['POST', '/v1/files/batch/deleteByFileIds'],
      ['POST', '/v1/files/copy'], ['POST', '/v1/files/move'], ['PUT', '/v1/files/rename'], ['POST', '/v1/folder'],
      ['DELETE', '/v1/folder'], ['POST', '/v1/bulkJobs/copyFolder'], ['POST', '/v1/bulkJobs/moveFolder'],
      ['POST', '/v1/bulkJobs/renameFolder'], ['PATCH', '/v1/files/aaaaaaaaaaaaaaaaaaaaaaaa/details'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.oneof(jsonValue, fc.dictionary(fc.constantFrom(
        'fileIds', 'tags', 'AITags', 'sourceFilePath', 'destinationPath', 'filePath', 'newFileName', 'folderName',
        'parentFolderPath', 'folderPath', 'sourceFolderPath', 'newFolderName', 'purgeCache', 'includeVersions', 'publish', 'customMetadata',
      ), fc.oneof(jsonValue, nastyString))), async ([method, url], body) => {
        const res = await call(method, url, body);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.json.help).toBe('For support kindly contact us at support@imagekit.io.');
      }),
      { numRuns: 120 },
    );
  });

  it('list query parameters: arbitrary values answer 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('path', 'type', 'sort', 'limit', 'skip', 'fileType', 'searchQuery', 'tags', 'name'), nastyString),
        async (query) => {
          const res = await call('GET', `/v1/files?${new URLSearchParams(query)}`);
          expect([200, 400]).toContain(res.status);
        },
      ),
      { numRuns: 80 },
    );
  });
});
