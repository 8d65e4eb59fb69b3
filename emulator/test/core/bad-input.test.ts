import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { localServer, pngBytes } from '../helpers/fixtures.js';

const spec = specValidation();
// Its remote URLs and webhooks are test servers on 127.0.0.1, which only an opted-in emulator may reach.
const emu = withEmulator({ limits: { maxUploadBytes: 4096 }, allowPrivateRemoteUrls: true });

async function upload(fields: Record<string, string>, file: Buffer | string | null = Buffer.from('plain text')) {
  const form = new FormData();
  if (Buffer.isBuffer(file)) form.append('file', new Blob([file]), 'f.bin');
  else if (typeof file === 'string') form.append('file', file);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await spec.fetch(`${emu.current.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: emu.current.authHeader } });
  return { status: res.status, body: (await res.json()) as { message: string; help: string; name?: string; filePath?: string } };
}

async function api(method: string, url: string, body?: string) {
  const res = await spec.fetch(`${emu.current.apiUrl}${url}`, {
    method, body, headers: { authorization: emu.current.authHeader, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
  });
  return { status: res.status, body: (await res.json()) as { message: string; help: string } };
}

/** Sends a raw multipart request; `cut` drops bytes at the end while keeping content-length honest. */
function rawUpload(body: Buffer, boundary: string, abortAfter?: number): Promise<{ status: number; text: string } | 'aborted'> {
  const url = new URL(`${emu.current.apiUrl}/api/v1/files/upload`);
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: {
        authorization: emu.current.authHeader, 'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': abortAfter === undefined ? body.length : body.length + 1000,
      } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', () => resolve('aborted'));
    if (abortAfter === undefined) req.end(body);
    else {
      req.write(body.subarray(0, abortAfter));
      setTimeout(() => { req.destroy(); resolve('aborted'); }, 100);
    }
  });
}

const expectNoTempLeft = async () => expect(await readdir(path.join(emu.current.dataDir, 'tmp'))).toEqual([]);

describe('bad multipart bodies', () => {
  it('refuses an oversized file (as bytes and as base64) and keeps nothing', async () => {
    const big = Buffer.alloc(10_000, 7);
    const res = await upload({ fileName: 'big.bin' }, big);
    expect(res).toMatchObject({ status: 400, body: { message: 'Your request contains invalid file parameter. The file size exceeds limits.' } });
    expect((await upload({ fileName: 'big.bin' }, big.toString('base64'))).status).toBe(400);
    await expectNoTempLeft();
    expect(await emu.current.sdk.assets.list({ searchQuery: 'name : "big"' })).toEqual([]);
  });

  it('caps a remote file URL at the same size, whether or not it announces its length', async () => {
    const big = Buffer.alloc(10_000, 9);
    const remote = await localServer((req, res) => {
      if (req.url === '/announced') res.writeHead(200, { 'content-length': String(big.length) }).end(big);
      else {
        res.writeHead(200); // chunked: the cap must hold while streaming
        res.write(big.subarray(0, 5000));
        res.end(big.subarray(5000));
      }
    });
    try {
      for (const route of ['/announced', '/chunked']) {
        const res = await upload({ fileName: 'remote-big.bin' }, `${remote.url}${route}`);
        expect(res, route).toMatchObject({ status: 400, body: { message: 'Your request contains invalid file parameter. The file size exceeds limits.' } });
      }
    } finally {
      await remote.close();
    }
    await expectNoTempLeft();
    expect(await emu.current.sdk.assets.list({ searchQuery: 'name : "remote-big"' })).toEqual([]);
  });

  it('refuses truncated multipart and survives clients that vanish mid-upload', async () => {
    const boundary = 'XyZ';
    const full = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\ncut.txt\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\nhello`,
    );
    const res = await rawUpload(full, boundary);
    expect(res).not.toBe('aborted');
    if (res !== 'aborted') {
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text).message).toMatch(/malformed multipart|Unexpected end/i);
    }
    expect(await rawUpload(full, boundary, 40)).toBe('aborted');
    await new Promise((r) => setTimeout(r, 100));
    await expectNoTempLeft();
    expect((await upload({ fileName: 'after.txt' })).status).toBe(200);
  });

  it('refuses non-multipart uploads, missing file/fileName and duplicate fields', async () => {
    expect((await api('POST', '/api/v1/files/upload', '{}')).body.message).toMatch(/multipart/);
    expect((await upload({ fileName: 'x.txt' }, null)).body.message).toBe('Your request is missing file parameter.');
    expect((await upload({})).body.message).toMatch(/fileName/);
    const form = new FormData();
    form.append('file', 'aGVsbG8=');
    form.append('fileName', 'a.txt');
    form.append('fileName', 'b.txt');
    const dup = await spec.fetch(`${emu.current.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: emu.current.authHeader } });
    expect(dup.status).toBe(400);
  });
});

describe('names and paths', () => {
  it('sanitises fileName like ImageKit and never escapes the data dir', async () => {
    const cases: [string, string][] = [
      ['../../escape.txt', '.._.._escape.txt'],
      ['a\\b.txt', 'a_b.txt'],
      ['nul\0byte.txt', 'nul_byte.txt'],
      ['/etc/passwd', '_etc_passwd'],
      ['cafe\u0301 ünï.txt', 'café_ünï.txt'],
      ['rtl\u202Eevil.txt', 'rtl_evil.txt'],
      ['😀.txt', '_.txt'],
      ['C:\\win.txt', 'C__win.txt'],
    ];
    for (const [raw, expected] of cases) {
      const res = await upload({ fileName: raw, useUniqueFileName: 'false' });
      expect(res.status, raw).toBe(200);
      expect(res.body.name, raw).toBe(expected);
      expect(res.body.filePath, raw).toBe(`/${expected}`);
    }
    expect(existsSync(path.resolve(emu.current.dataDir, '..', 'escape.txt'))).toBe(false);
    expect((await upload({ fileName: '..' })).body.message).toMatch(/'\.' & '\.\.'/);
    expect((await upload({ fileName: 'x'.repeat(300) })).body.message).toMatch(/at most 255 bytes/);
  });

  it('refuses traversal, NUL, backslashes and overlong paths in folder and path parameters', async () => {
    for (const folder of ['../up', '/a/../b', 'a\\b', 'a\0b', 'C:/x', `/${'f/'.repeat(60)}`, `/${'y'.repeat(300)}/`]) {
      const res = await upload({ fileName: 'p.txt', folder });
      expect(res.status, folder).toBe(400);
      expect(res.body.message, folder).toMatch(/folder parameter/);
    }
    expect((await upload({ fileName: 'p.txt', folder: 'my folder/ok-1' })).body.filePath).toMatch(/^\/my_folder\/ok-1\/p_/);
    expect((await api('POST', '/v1/files/copy', JSON.stringify({ sourceFilePath: '/../x.png', destinationPath: '/' }))).body).toMatchObject({
      message: expect.stringContaining("'..'"),
    });
    expect((await api('PUT', '/v1/files/rename', JSON.stringify({ filePath: '/a\\b.png', newFileName: 'c.png' }))).status).toBe(400);
    expect((await api('DELETE', '/v1/folder', JSON.stringify({ folderPath: '/x/../../' }))).status).toBe(400);
  });
});

describe('names and paths in the JSON APIs', () => {
  const fileNamed = async (name: string, folder = '/') => {
    const res = await upload({ fileName: name, folder, useUniqueFileName: 'false' });
    expect(res.status, name).toBe(200);
  };

  it('rename sanitises newFileName like an upload name and keeps the file in its folder; refuses ., .. and overlong names', async () => {
    const cases: [string, string][] = [
      ['../x.txt', '.._x.txt'], ['a/b.txt', 'a_b.txt'], ['/abs.txt', '_abs.txt'], ['nul\0.txt', 'nul_.txt'],
      ['back\\slash.txt', 'back_slash.txt'], ['rtl\u202Eevil.txt', 'rtl_evil.txt'],
    ];
    for (const [i, [raw, expected]] of cases.entries()) {
      await fileNamed(`ren-${i}.txt`, '/ren');
      const res = await api('PUT', '/v1/files/rename', JSON.stringify({ filePath: `/ren/ren-${i}.txt`, newFileName: raw }));
      expect(res.status, raw).toBe(200);
      const listed = (await emu.current.sdk.assets.list({ path: '/ren', searchQuery: `name = "${expected}"` })) as { filePath: string }[];
      expect(listed.map((f) => f.filePath), raw).toEqual([`/ren/${expected}`]);
    }
    await fileNamed('ren-bad.txt', '/ren');
    for (const [raw, message] of [['..', /'\.' & '\.\.'/], ['.', /'\.' & '\.\.'/], ['x'.repeat(300), /at most 255 bytes/]] as const) {
      const res = await api('PUT', '/v1/files/rename', JSON.stringify({ filePath: '/ren/ren-bad.txt', newFileName: raw }));
      expect([res.status, res.body.message], raw).toEqual([400, expect.stringMatching(message)]);
    }
  });

  it('copy/move destinations and list paths with NUL, backslash, drive letters, dot segments or overlong segments are 400s', async () => {
    await fileNamed('src.txt', '/cp');
    const bad = ['/x\0y', '/x\\y', 'C:/x', '/a/./b', '../up', `/${'y'.repeat(300)}`];
    for (const destinationPath of bad) {
      for (const op of ['copy', 'move']) {
        const res = await api('POST', `/v1/files/${op}`, JSON.stringify({ sourceFilePath: '/cp/src.txt', destinationPath }));
        expect([res.status, res.body.message], `${op} ${JSON.stringify(destinationPath)}`).toEqual([400, expect.stringMatching(/destinationPath/)]);
      }
      const listed = await api('GET', `/v1/files?path=${encodeURIComponent(destinationPath)}`);
      expect([listed.status, listed.body.message], `list ${JSON.stringify(destinationPath)}`).toEqual([400, expect.stringMatching(/path parameter/)]);
    }
    expect((await emu.current.sdk.assets.list({ path: '/cp' })).length).toBe(1); // nothing was moved
  });

  it('folder names are sanitised into one segment under the parent; NUL and overlong names are 400s', async () => {
    for (const name of ['../x', 'a/b', '\u202E']) {
      await emu.current.sdk.folders.create({ folderName: name, parentFolderPath: '/fold' });
    }
    const folders = (await emu.current.sdk.assets.list({ path: '/fold', type: 'folder' })) as { name: string; folderPath: string }[];
    expect(folders.map((f) => f.folderPath).sort()).toEqual(['/fold/_', '/fold/___x', '/fold/a_b']);
    for (const [name, message] of [['x\u0000', /NUL/], ['y'.repeat(300), /at most 255 bytes/], ['..', /'\.' & '\.\.'/]] as const) {
      const res = await api('POST', '/v1/folder', JSON.stringify({ folderName: name, parentFolderPath: '/fold' }));
      expect([res.status, res.body.message], name).toEqual([400, expect.stringMatching(message)]);
    }
  });
});

describe('wrong JSON and form types', () => {
  it('answers specific 400s for wrong types', async () => {
    const upJson = await emu.current.sdk.files.upload({ file: await toFile(await pngBytes(3, 3), 't.png'), fileName: 't.png' });
    const id = upJson.fileId!;
    const cases: [string, string, string, RegExp][] = [
      ['POST', '/v1/files/addTags', '{"fileIds":"abc","tags":["a"]}', /fileIds should be an Array/],
      ['POST', '/v1/files/addTags', `{"fileIds":["${id}"],"tags":"a"}`, /tags should be an Array/],
      ['POST', '/v1/files/batch/deleteByFileIds', '{}', /fileIds parameter is missing/],
      ['POST', '/v1/files/batch/deleteByFileIds', '{"fileIds":[]}', /fileIds is empty/],
      ['PATCH', `/v1/files/${id}/details`, '{"tags":"x"}', /invalid tags parameter/],
      ['PATCH', `/v1/files/${id}/details`, '{"customCoordinates":"1,2"}', /customCoordinates/],
      ['PATCH', `/v1/files/${id}/details`, '{"publish":{"isPublished":"yes"}}', /publish\.isPublished/],
      ['PATCH', `/v1/files/${id}/details`, '[1,2]', /JSON object/],
      ['POST', '/v1/files/copy', '{"sourceFilePath":5,"destinationPath":"/"}', /sourceFilePath/],
      ['PUT', '/v1/files/rename', '{"filePath":"/t.png"}', /missing newFileName/],
      ['POST', '/v1/folder', '{"folderName":["x"],"parentFolderPath":"/"}', /folderName/],
      ['POST', '/v1/files/addTags', '{not json', /not valid JSON/],
      ['GET', '/v1/files/bad$id!/details', '', /invalid fileId parameter/],
    ];
    for (const [method, url, body, message] of cases) {
      const res = await api(method, url, method === 'GET' ? undefined : body);
      expect(res.status, `${method} ${url} ${body}`).toBe(400);
      expect(res.body.message, `${method} ${url} ${body}`).toMatch(message);
      expect(res.body.help).toBe('For support kindly contact us at support@imagekit.io.');
    }
  });

  it('answers specific 400s for malformed upload fields', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ useUniqueFileName: 'yes' }, /useUniqueFileName/],
      [{ isPrivateFile: '1' }, /isPrivateFile/],
      [{ extensions: 'not json' }, /extensions parameter/],
      [{ extensions: '[{"name":"magic"}]' }, /extensions\[0\]\.name/],
      [{ customCoordinates: 'a,b' }, /customCoordinates/],
      [{ responseFields: 'tags,bogus' }, /responseFields/],
      [{ customMetadata: '[1]' }, /customMetadata/],
      [{ transformation: '{"pre":5}' }, /transformation field is invalid/],
      [{ transformation: '{"post":[{"type":"abs","value":"sr-240"}]}' }, /protocol/],
      [{ tags: 'a%b' }, /'%'/],
      [{ webhookUrl: 'ftp://x' }, /webhookUrl/],
      [{ checks: 'this is not a check' }, /invalid syntax for the checks parameter/],
      [{ checks: '"file.size" < "1kb"' }, /failed 'checks' validation/],
    ];
    for (const [fields, message] of cases) {
      const res = await upload({ fileName: 'f.txt', ...fields }, Buffer.alloc(2000, 1));
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body.message, JSON.stringify(fields)).toMatch(message);
    }
    expect((await upload({ fileName: 'ok.txt', checks: '"file.size" < "1kb" OR "request.folder" : "/"' })).status).toBe(200);
    await expectNoTempLeft();
  });
});

spec.itConformsToSpec(10);
