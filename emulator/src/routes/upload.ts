import { readFile } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { RouteModule } from '../context.js';
import { UPLOAD_ROUTE } from '../http/access.js';
import { badRequest } from '../http/errors.js';
import type { FileRecord } from '../model/file-record.js';
import { uniqueSuffix } from '../model/ids.js';
import { splitExtension } from '../model/paths.js';
import { probeFile } from '../model/probe.js';
import { runInBackground, type EmulatorCore } from '../core.js';
import type { StagedBlob } from '../store/blobs.js';
import { nowIso, versionChange } from '../store/file-ops.js';
import { recordPostTransformations } from '../store/post-transformations.js';
import { readUploadForm } from './upload-form.js';
import { parseUploadOptions, type UploadOptions } from './upload-options.js';
import { stageFileField } from './upload-source.js';
import { authenticateClientUpload, BOTH_AUTH_METHODS } from './upload-auth.js';
import { enforceChecks } from './upload-checks.js';
import { extensionStatusOf, notifyWebhook } from './extensions.js';
import { uploadResponse } from './upload-response.js';
import { assertValidCustomMetadata, customMetadataDefaults } from './custom-metadata-check.js';
import { computeUploadMetadata } from './upload-metadata.js';
import { isProbedVideoFacts } from '../model/video-fields.js';
import { assertPostCompatible, assertValidPre, postTransformationUrls, VIDEO_PRE_QUEUED, videoHooksOf, warmPostTransformations } from '../video/upload-video.js';

const CLIENT_AUTH_FIELDS = ['publicKey', 'signature', 'token', 'expire'];

/** Upload V1: `POST /api/v1/files/upload` (multipart), served on the API origin like the SDK expects. */
export const uploadRoutes: RouteModule<EmulatorCore> = (app, core) => {
  app.post(UPLOAD_ROUTE, async (request, reply) => {
    const record = await handleUpload(request, core);
    return reply.code(record === VIDEO_PRE_QUEUED ? 202 : 200).send(record);
  });
};

async function handleUpload(request: FastifyRequest, core: EmulatorCore): Promise<Record<string, unknown>> {
  const { library, limits } = core;
  // A wrong private key was refused before the body was read (http/access.ts); here it is the right one.
  const hasBasic = request.headers.authorization !== undefined;
  let authenticated = hasBasic;
  // Credentials sent ahead of the file part are checked before the file's bytes are read; ImageKit's
  // browser SDK sends them after the file, so those are checked once the whole form is read.
  const authenticate = (fields: Record<string, string>) => {
    if (hasBasic && CLIENT_AUTH_FIELDS.some((f) => fields[f] !== undefined)) throw badRequest(BOTH_AUTH_METHODS);
    if (!authenticated) {
      authenticateClientUpload(fields, core.config, core.db);
      authenticated = true;
    }
  };
  const form = await readUploadForm(request, library.blobs, limits.maxUploadBytes, (fields) => {
    if (hasBasic || CLIENT_AUTH_FIELDS.every((f) => fields[f] !== undefined)) authenticate(fields);
  });
  let staged: StagedBlob | undefined = form.staged;
  try {
    authenticate(form.fields);
    const options = parseUploadOptions(form.fields);
    if (!staged) {
      if (form.fields.file === undefined) throw badRequest('Your request is missing file parameter.');
      staged = await stageFileField(form.fields.file, library.blobs, limits.maxUploadBytes, limits.remoteHeaderTimeoutMs, core.outbound);
    }
    if (options.customMetadata) assertValidCustomMetadata(core.db, options.customMetadata);
    if (options.pre && isProbedVideoFacts(await probeFile(staged.tempPath, options.fileName))) {
      // ImageKit queues a video pre-transformation and answers 202; the file appears once it is done.
      assertValidPre(options.pre);
      const queued = staged;
      staged = undefined;
      runInBackground(core, () => finishVideoPreUpload(core, options, queued, form.fields));
      return VIDEO_PRE_QUEUED;
    }
    if (options.pre) staged = await applyPreTransformation(core, staged, options.pre);
    const kept = staged;
    staged = undefined;
    return await storeUpload(core, options, kept, form.fields);
  } catch (err) {
    if (staged) await library.blobs.discard(staged);
    throw err;
  }
}

/** Probes, checks and stores a staged upload (the bytes already pre-transformed), and answers ImageKit's 200 body. */
async function storeUpload(core: EmulatorCore, options: UploadOptions, staged: StagedBlob, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const { library } = core;
  let pending: StagedBlob | undefined = staged;
  try {
    const probed = await probeFile(staged.tempPath, options.fileName);
    if (options.checks) {
      enforceChecks(options.checks, { request: checkView(fields, options), file: { size: staged.size, mime: probed.mime } });
    }
    assertPostCompatible(probed, options.post);
    const metadata = options.responseFields.has('metadata') ? await computeUploadMetadata(staged.tempPath, staged.size) : undefined;

    await library.blobs.commit(staged);
    pending = undefined;
    let record: FileRecord;
    try {
      // From here to `apply` nothing awaits: the path lookup and the write are one step.
      record = commitUpload(core, options, staged, probed);
    } finally {
      library.blobs.release(staged.hash);
    }
    const extensionStatus = extensionStatusOf(options.extensions);
    if (extensionStatus && options.webhookUrl) {
      const url = options.webhookUrl;
      runInBackground(core, () => notifyWebhook(url, record, extensionStatus, core.outbound));
    }
    if (options.post.length > 0) {
      const urls = postTransformationUrls(record, core.config.urlEndpoint, options.post);
      runInBackground(core, () => warmPostTransformations(core.delivery, urls));
    }
    return uploadResponse(record, core.config.urlEndpoint, options.responseFields, { extensionStatus, metadata });
  } catch (err) {
    if (pending) await library.blobs.discard(pending);
    throw err;
  }
}

/** The background half of a video upload with `transformation.pre`: transcode, then store as any upload. */
async function finishVideoPreUpload(core: EmulatorCore, options: UploadOptions, staged: StagedBlob, fields: Record<string, string>): Promise<void> {
  const { preTransformVideo } = videoHooksOf(core.delivery);
  let next: StagedBlob | undefined;
  try {
    if (!preTransformVideo) throw new Error('The delivery module with video support is not registered.');
    next = await core.library.blobs.stageBuffer(await preTransformVideo(staged.tempPath, options.pre!));
  } finally {
    await core.library.blobs.discard(staged);
  }
  await storeUpload(core, options, next, fields);
}

function commitUpload(
  core: EmulatorCore,
  options: UploadOptions,
  staged: StagedBlob,
  probed: Awaited<ReturnType<typeof probeFile>>,
): FileRecord {
  const { library } = core;
  let name = options.fileName;
  if (options.useUniqueFileName) {
    const [base, ext] = splitExtension(name);
    do name = `${base}${uniqueSuffix()}${ext}`;
    while (library.currentByPath(options.folder + name));
  }
  const filePath = options.folder + name;
  const previous = library.currentByPath(filePath);
  if (previous && !options.useUniqueFileName && !options.overwriteFile) {
    throw badRequest(
      'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
    );
  }
  const at = nowIso();
  const { change, seqFor, record } = versionChange(library, {
    name,
    filePath,
    folderPath: options.folder,
    tags: options.tags !== undefined ? nullIfEmpty(options.tags) : previous && !options.overwriteTags ? previous.tags : null,
    aiTags: previous && !options.overwriteAITags ? previous.aiTags : null,
    isPrivateFile: options.isPrivateFile,
    isPublished: options.isPublished,
    customCoordinates: options.customCoordinates ?? null,
    ...probed,
    size: staged.size,
    customMetadata:
      previous && !options.overwriteCustomMetadata && options.customMetadata === undefined
        ? previous.customMetadata
        : { ...customMetadataDefaults(core.db), ...withoutNulls(options.customMetadata ?? {}) },
    description: options.description ?? null,
    blobHash: staged.hash,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  });
  const post = options.post;
  library.apply(change, seqFor, post.length > 0 ? () => recordPostTransformations(core.db, record.fileId, record.versionId, post) : undefined);
  return record;
}

async function applyPreTransformation(core: EmulatorCore, staged: StagedBlob, pre: string): Promise<StagedBlob> {
  const { library } = core;
  const input = await readFile(staged.tempPath);
  const output = await core.delivery.preTransform(input, pre);
  const next = await library.blobs.stageBuffer(output.data);
  await library.blobs.discard(staged);
  return next;
}

/** What `checks` conditions can refer to as `request.*`: the typed options, with the raw strings as fallback. */
function checkView(fields: Record<string, string>, options: UploadOptions): Record<string, unknown> {
  return { ...fields, ...options, folder: options.folder, tags: options.tags ?? [], responseFields: [...options.responseFields] };
}

function nullIfEmpty(tags: string[]): string[] | null {
  return tags.length === 0 ? null : tags;
}

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}
