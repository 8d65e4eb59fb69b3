import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type ImageKit from '@imagekit/nodejs';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { eventually, jpegBytes, localServer, sha256, type LocalServer } from '../helpers/fixtures.js';
import { cameraJpeg } from '../metadata/images.js';

/**
 * ImageKit's Python quickstart (imagekit-samples/quickstart `python/sample.py`), replayed step by step in its order with the official Node SDK against the emulator. Each step
 * checks what the emulator answered and what it now holds; every response is validated against the spec.
 */
const spec = specValidation();
// Its remote URLs and webhooks are test servers on 127.0.0.1, which only an opted-in emulator may reach.
const emu = withEmulator({ fetch: spec.fetch, allowPrivateRemoteUrls: true });
let remote: LocalServer;
let webhook: LocalServer;
let sample: Buffer; // the quickstart's sample.jpg
let camera: Buffer; // the remote picture whose metadata the quickstart reads (exif.image.XResolution)

const OPTIONS_ALL = {
  tags: ['abc', 'def'],
  folder: '/testing-python-folder/',
  isPrivateFile: true,
  customCoordinates: '10,10,20,20',
  extensions: [
    { name: 'remove-bg' as const, options: { add_shadow: true, bg_color: 'pink' } },
    { name: 'google-auto-tagging' as const, minConfidence: 80, maxTags: 10 },
  ],
  overwriteAITags: false,
  overwriteTags: false,
  overwriteCustomMetadata: true,
};

beforeAll(async () => {
  sample = await jpegBytes(120, 80, '#2266aa');
  camera = await cameraJpeg(90, 200, 300);
  remote = await localServer((req, res) => {
    if (req.url === '/file_example_JPG_100kB.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(sample);
    else if (req.url === '/200/300') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(camera);
    else res.writeHead(404).end();
  });
  webhook = await localServer((_req, res) => res.writeHead(200).end());
});
afterAll(async () => {
  await remote.close();
  await webhook.close();
});

type Uploaded = Awaited<ReturnType<ImageKit['files']['upload']>> & { fileId: string };
const state: Record<string, Uploaded> = {};
const sdk = () => emu.current.sdk;

describe('the Python quickstart walkthrough through the official Node SDK', () => {
  it('uploads a local file with every option (custom metadata, description, pre/post transformation)', async () => {
    await sdk().customMetadataFields.create({ name: 'test', label: 'Test', schema: { type: 'Number', minValue: 0, maxValue: 100 } });
    const up = (await sdk().files.upload({
      ...OPTIONS_ALL,
      file: await toFile(sample, 'sample.jpg'),
      fileName: 'sample_file.jpg',
      useUniqueFileName: false,
      isPublished: true,
      responseFields: ['tags', 'customCoordinates', 'isPrivateFile', 'embeddedMetadata', 'customMetadata', 'metadata', 'isPublished'],
      webhookUrl: `${webhook.url}/upload`,
      overwriteFile: true,
      customMetadata: { test: 11 },
      description: 'quickstart sample',
      transformation: { pre: 'w-60', post: [{ type: 'transformation', value: 'h-20' }] },
    })) as Uploaded;
    state.upload = up;
    expect(up).toMatchObject({
      name: 'sample_file.jpg', filePath: '/testing-python-folder/sample_file.jpg', fileType: 'image',
      // transformation.pre is applied to the stored original: 120×80 → 60×40.
      width: 60, height: 40, tags: ['abc', 'def'], customCoordinates: '10,10,20,20', isPrivateFile: true, isPublished: true,
      customMetadata: { test: 11 }, description: 'quickstart sample', AITags: null,
      extensionStatus: { 'remove-bg': 'failed', 'google-auto-tagging': 'failed' },
      versionInfo: { id: up.fileId, name: 'Version 1' },
    });
    expect(up.metadata).toMatchObject({ width: 60, height: 40, format: 'jpg', size: up.size });
    const hook = await eventually(() => webhook.requests.find((r) => r.url === '/upload'));
    expect(JSON.parse(hook.body.toString())).toMatchObject({ data: { fileId: up.fileId, extensionStatus: { 'remove-bg': 'failed' } } });
  });

  it('uploads a remote URL with every option; overwriteFile=false on a unique name still stores it', async () => {
    const up = (await sdk().files.upload({
      ...OPTIONS_ALL,
      file: `${remote.url}/file_example_JPG_100kB.jpg`,
      fileName: 'testing-url.jpg',
      responseFields: ['isPrivateFile', 'tags'],
      webhookUrl: `${webhook.url}/remote`,
      overwriteFile: false,
    })) as Uploaded;
    state.remote = up;
    expect(up.name).toMatch(/^testing-url_[A-Za-z0-9]{9}\.jpg$/);
    expect(up).toMatchObject({ size: sample.length, width: 120, height: 80, isPrivateFile: true, tags: ['abc', 'def'] });
    expect(up).not.toHaveProperty('customCoordinates'); // not requested in responseFields
    expect((await sdk().files.get(up.fileId)).customCoordinates).toBe('10,10,20,20');
    await eventually(() => webhook.requests.find((r) => r.url === '/remote'));
  });

  it('uploads base64 and serves a signed, expiring URL of the private upload byte for byte', async () => {
    const up = (await sdk().files.upload({
      ...OPTIONS_ALL, isPrivateFile: false, file: sample.toString('base64'), fileName: 'testing-base64.jpg',
      responseFields: ['isPrivateFile', 'customMetadata', 'tags'], overwriteFile: false,
    })) as Uploaded;
    state.base64 = up;
    expect(up).toMatchObject({ size: sample.length, isPrivateFile: false, customMetadata: {} });
    const { urlEndpoint } = emu.current;
    const signed = sdk().helper.buildSrc({ urlEndpoint, src: state.upload.filePath!, queryParameters: { v: '123' }, signed: true, expiresIn: 3000 });
    expect(signed).toMatch(/\?v=123&ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    const res = await fetch(signed);
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    expect((await sharp(served).metadata()).width).toBe(60);
    expect((await fetch(`${urlEndpoint}${state.upload.filePath}`)).status).toBe(401); // unsigned private
    // The URL form the quickstart prints: `tr:h-300,w-400` via path and via src.
    const byPath = await fetch(sdk().helper.buildSrc({ urlEndpoint, src: state.base64.filePath!, transformation: [{ height: 300, width: 400 }] }));
    expect((await sharp(Buffer.from(await byPath.arrayBuffer())).metadata()).width).toBe(400);
  });

  it('lists with filters, searchQuery and the legacy tags parameter', async () => {
    const list = (q: Parameters<ReturnType<typeof sdk>['assets']['list']>[0], query?: Record<string, unknown>) =>
      sdk().assets.list(q, query ? { query } : undefined) as Promise<{ name: string; fileId: string }[]>;
    const all = await list({ type: 'file', sort: 'ASC_CREATED', path: '/testing-python-folder', fileType: 'all', limit: 5, skip: 0 });
    expect(all.map((f) => f.fileId)).toEqual([state.upload.fileId, state.remote.fileId, state.base64.fileId]);
    const searched = await list({ searchQuery: 'createdAt >= "2d" OR size < "2mb" OR format = "png"', path: '/testing-python-folder', sort: 'ASC_CREATED' });
    expect(searched.map((f) => f.fileId)).toEqual(all.map((f) => f.fileId));
    const advanced = await list({ searchQuery: "(size < '1mb' AND width < 100) OR (tags IN ['tag-1', 'tag-2'])" });
    expect(advanced.map((f) => f.fileId)).toEqual([state.upload.fileId]);
    expect((await list({ skip: 1, limit: 1, path: '/testing-python-folder' })).map((f) => f.fileId)).toEqual([state.remote.fileId]);
    expect(await list({}, { tags: 'tag-1, tag-2, tag-3' })).toEqual([]);
    expect((await list({}, { tags: 'abc' })).length).toBe(3);
  });

  it('gets details, versions and version details', async () => {
    const details = await sdk().files.get(state.base64.fileId);
    expect(details).toMatchObject({ fileId: state.base64.fileId, name: state.base64.name, tags: ['abc', 'def'], mime: 'image/jpeg', width: 120 });
    const versions = await sdk().files.versions.list(state.base64.fileId);
    expect(versions.map((v) => [v.type, v.versionInfo?.id])).toEqual([['file', state.base64.fileId]]);
    const version = await sdk().files.versions.get(state.upload.versionInfo!.id!, { fileId: state.upload.fileId });
    expect(version).toMatchObject({ fileId: state.upload.fileId, versionInfo: { id: state.upload.versionInfo!.id, name: 'Version 1' }, width: 60 });
  });

  it('updates details, adds, removes and removes AI tags in bulk', async () => {
    const updated = await sdk().files.update(state.base64.fileId, {
      removeAITags: ['remove-ai-tag-1', 'remove-ai-tag-2'], webhookUrl: `${webhook.url}/update`,
      extensions: [{ name: 'remove-bg', options: { add_shadow: true, bg_color: 'red' } }, { name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 }],
      tags: ['tag1', 'tag2'], customCoordinates: '10,10,100,100', customMetadata: { test: 12 },
    });
    expect(updated).toMatchObject({ tags: ['tag1', 'tag2'], customCoordinates: '10,10,100,100', customMetadata: { test: 12 }, AITags: null });
    await eventually(() => webhook.requests.find((r) => r.url === '/update'));
    const ids = [state.base64.fileId, state.upload.fileId];
    expect((await sdk().files.bulk.addTags({ fileIds: ids, tags: ['abc', 'def'] })).successfullyUpdatedFileIds).toEqual(ids);
    expect((await sdk().files.get(state.base64.fileId)).tags).toEqual(['tag1', 'tag2', 'abc', 'def']);
    expect((await sdk().files.bulk.removeTags({ fileIds: ids, tags: ['abc', 'def'] })).successfullyUpdatedFileIds).toEqual(ids);
    expect((await sdk().files.get(state.upload.fileId)).tags).toBeNull();
    const removed = await sdk().files.bulk.removeAITags({ fileIds: ids, AITags: ['ai-tag-to-remove-1', 'ai-tag-to-remove-2'] });
    expect(removed.successfullyUpdatedFileIds).toEqual(ids);
  });

  it('deletes a file, then a non-current version, then files in bulk', async () => {
    await sdk().files.delete(state.base64.fileId);
    await expect(sdk().files.get(state.base64.fileId)).rejects.toMatchObject({ status: 404 });
    const again = await sdk().files.upload({ ...OPTIONS_ALL, file: await toFile(sample, 'sample.jpg'), fileName: 'sample_file.jpg', useUniqueFileName: false, overwriteFile: true });
    expect(again.fileId).toBe(state.upload.fileId);
    const versions = await sdk().files.versions.list(again.fileId!);
    expect(versions.map((v) => v.type)).toEqual(['file-version', 'file']);
    await sdk().files.versions.delete(versions[0].versionInfo!.id!, { fileId: versions[0].fileId! });
    expect((await sdk().files.versions.list(again.fileId!)).map((v) => v.versionInfo?.name)).toEqual(['Version 2']);
    expect((await sdk().files.bulk.delete({ fileIds: [state.remote.fileId] })).successfullyDeletedFileIds).toEqual([state.remote.fileId]);
    await expect(sdk().files.get(state.remote.fileId)).rejects.toMatchObject({ status: 404 });
  });

  it('copies with versions, moves, renames with purge, restores a version', async () => {
    const four = (await sdk().files.upload({ file: await toFile(sample, 's.jpg'), fileName: 'sample_file.jpg' })) as Uploaded;
    await sdk().files.copy({ sourceFilePath: four.filePath!, destinationPath: '/test', includeFileVersions: true });
    const copied = (await sdk().assets.list({ path: '/test' })) as { name: string; fileId: string }[];
    expect(copied.map((f) => f.name)).toEqual([four.name]);
    expect(copied[0].fileId).not.toBe(four.fileId);
    await sdk().files.move({ sourceFilePath: four.filePath!, destinationPath: '/test' });
    // The copy already holds that name, so the moved file joins its version history (as ImageKit documents).
    await expect(sdk().files.get(four.fileId)).rejects.toMatchObject({ status: 404 });
    expect(await sdk().assets.list({ searchQuery: `name = "${four.name}"` })).toHaveLength(1);
    const history = await sdk().files.versions.list(copied[0].fileId);
    expect(history.map((v) => [v.type, v.filePath, v.versionInfo?.name])).toEqual([
      ['file-version', `/test/${four.name}`, 'Version 1'], ['file', `/test/${four.name}`, 'Version 2'],
    ]);

    const five = (await sdk().files.upload({ file: await toFile(sample, 's.jpg'), fileName: 'sample_file.jpg' })) as Uploaded;
    const renamed = await sdk().files.rename({ filePath: five.filePath!, newFileName: '3f2b7c1e-0d4a-4b8e-9a51-6c0f2e7d9b13.jpg', purgeCache: true });
    expect(renamed.purgeRequestId).toMatch(/^[0-9a-f]{24}$/);
    expect((await sdk().files.get(five.fileId)).name).toBe('3f2b7c1e-0d4a-4b8e-9a51-6c0f2e7d9b13.jpg');
    state.five = { ...five, filePath: '/3f2b7c1e-0d4a-4b8e-9a51-6c0f2e7d9b13.jpg' };

    const put = async (bytes: Buffer) =>
      (await sdk().files.upload({ ...OPTIONS_ALL, isPrivateFile: false, file: bytes.toString('base64'), fileName: 'testing-base64.jpg', useUniqueFileName: false, overwriteFile: true })) as Uploaded;
    const first = await put(sample);
    const second = await put(await jpegBytes(30, 30, '#00ff00'));
    const versions = await sdk().files.versions.list(second.fileId);
    expect(versions.map((v) => v.width)).toEqual([120, 30]);
    const restored = await sdk().files.versions.restore(versions[0].versionInfo!.id!, { fileId: versions[0].fileId! });
    expect(restored).toMatchObject({ fileId: first.fileId, width: 120, versionInfo: { id: first.versionInfo!.id } });
    expect((await sdk().files.get(first.fileId)).width).toBe(120);
  });

  it('creates and deletes folders, copies and moves a folder, reads the job status', async () => {
    await sdk().folders.create({ folderName: 'test', parentFolderPath: '/' });
    expect(((await sdk().assets.list({ type: 'folder', path: '/' })) as { name: string }[]).map((f) => f.name)).toContain('test');
    await sdk().folders.delete({ folderPath: 'test' });
    expect(((await sdk().assets.list({ type: 'folder', path: '/' })) as { name: string }[]).map((f) => f.name)).not.toContain('test');
    await sdk().folders.create({ folderName: 'test2', parentFolderPath: '/' });
    await sdk().files.upload({ file: await toFile(sample, 's.jpg'), fileName: 'in-test2.jpg', folder: '/test2', useUniqueFileName: false });
    const copy = await sdk().folders.copy({ sourceFolderPath: '/test2', destinationPath: '/test21', includeVersions: true });
    expect(copy.jobId).toMatch(/^[0-9a-f]{24}$/);
    await eventually(async () => (await sdk().folders.job.get(copy.jobId!)).status === 'Completed');
    const move = await sdk().folders.move({ sourceFolderPath: '/test2', destinationPath: '/test21' });
    const job = await eventually(async () => {
      const j = await sdk().folders.job.get(move.jobId!);
      return j.status === 'Completed' ? j : undefined;
    });
    expect(job).toMatchObject({ jobId: move.jobId, type: 'MOVE_FOLDER', status: 'Completed' });
    const paths = (await sdk().assets.list({ path: '/test21', type: 'all' })) as { name: string }[];
    expect(paths.map((p) => p.name).sort()).toEqual(['test2']);
    expect(((await sdk().assets.list({ path: '/test21/test2' })) as { name: string }[]).map((f) => f.name)).toEqual(['in-test2.jpg']);
    expect(await sdk().assets.list({ path: '/test2', type: 'all' })).toEqual([]);
  });

  it('purges a URL and reads the purge status', async () => {
    const { requestId } = await sdk().cache.invalidation.create({ url: `${emu.current.urlEndpoint}${state.five.filePath}` });
    expect(requestId).toMatch(/^[0-9a-f]{24}$/);
    const status = await eventually(async () => {
      const s = await sdk().cache.invalidation.get(requestId!);
      return s.status === 'Completed' ? s : undefined;
    });
    expect(status).toEqual({ status: 'Completed' });
  });

  it('reads metadata of a remote upload by fileId and by URL', async () => {
    const up = (await sdk().files.upload({ file: `${remote.url}/200/300`, fileName: 'uploadmetadata.jpg' })) as Uploaded;
    expect(sha256(camera)).toBe(sha256(Buffer.from(await (await fetch(up.url!)).arrayBuffer())));
    const byId = await sdk().files.metadata.get(up.fileId);
    expect(byId).toMatchObject({ width: 200, height: 300, format: 'jpg', size: camera.length, quality: 90, density: 300 });
    expect(byId.exif?.image).toMatchObject({ XResolution: 300, Make: 'Canon' });
    expect(await sdk().files.metadata.getFromURL({ url: up.url! })).toEqual(byId);
  });

  it('creates a custom metadata field of every quickstart type, lists, updates and deletes them', async () => {
    const create = sdk().customMetadataFields.create.bind(sdk().customMetadataFields);
    const num = await create({ name: 'qs-number', label: 'qs number', schema: { type: 'Number', minValue: 100, maxValue: 200 } });
    const area = await create({ name: 'qs-textarea', label: 'qs textarea', schema: { type: 'Textarea', isValueRequired: true, defaultValue: 'The default', minLength: 3, maxLength: 200 } });
    const date = await create({ name: 'qs-date', label: 'qs date', schema: { type: 'Date', minValue: '2022-11-29T10:11:10+00:00', maxValue: '2022-11-30T10:11:10+00:00' } });
    const bool = await create({ name: 'qs-boolean', label: 'qs boolean', schema: { type: 'Boolean', isValueRequired: true, defaultValue: true } });
    const single = await create({ name: 'qs-single', label: 'qs single', schema: { type: 'SingleSelect', selectOptions: ['small', 'medium', 'large', 30, 40, true] } });
    const multi = await create({ name: 'qs-multi', label: 'qs multi', schema: { type: 'MultiSelect', isValueRequired: true, defaultValue: ['small', 30, true], selectOptions: ['small', 'medium', 'large', 30, 40, true] } });
    expect(num.schema).toEqual({ type: 'Number', minValue: 100, maxValue: 200 });
    expect(date.schema).toMatchObject({ type: 'Date', minValue: '2022-11-29T10:11:10+00:00' });
    expect(bool.schema.defaultValue).toBe(true);
    expect(single.schema.selectOptions).toEqual(['small', 'medium', 'large', 30, 40, true]);
    expect(multi.schema.defaultValue).toEqual(['small', 30, true]);
    const listed = await sdk().customMetadataFields.list();
    expect(listed.map((f) => f.name)).toEqual(['test', 'qs-number', 'qs-textarea', 'qs-date', 'qs-boolean', 'qs-single', 'qs-multi']);
    const updated = await sdk().customMetadataFields.update(num.id, { label: 'qs number updated', schema: { minValue: 100, maxValue: 200 } });
    expect(updated).toEqual({ ...num, label: 'qs number updated' });
    // A new upload gets the required fields' defaults.
    const up = await sdk().files.upload({ file: await toFile(sample, 's.jpg'), fileName: 'defaults.jpg', responseFields: ['customMetadata'] });
    expect(up.customMetadata).toEqual({ 'qs-textarea': 'The default', 'qs-boolean': true, 'qs-multi': ['small', 30, true] });
    await sdk().customMetadataFields.delete(area.id);
    expect((await sdk().customMetadataFields.list()).map((f) => f.id)).not.toContain(area.id);
    expect((await sdk().customMetadataFields.list({ includeDeleted: true })).map((f) => f.id)).toContain(area.id);
  });
});

spec.itConformsToSpec(60);
