import type { FastifyInstance } from 'fastify';
import type { DeliveryHooks, EmulatorContext, RouteModule } from '../context.js';
import { badRequest, notFound } from '../http/errors.js';
import type { FileRecord } from '../model/file-record.js';
import { isProbedMedia, videoMetadata } from '../model/video-fields.js';
import { videoMetadataOfBytes } from '../video/bytes-metadata.js';
import { BadDeliveryUrl, parseDeliveryUrl } from '../delivery/request-url.js';
import { extractImageMetadata, metadataForBlob, UnreadableImageError } from '../metadata/index.js';

/** ImageKit's messages (SPEC `get-uploaded-file-metadata`, `get-metadata-from-url`). */
const MESSAGES = {
  noFile: 'The requested file does not exist or is inaccessible at this time.',
  corrupt: 'The requested file is corrupt or invalid.',
  foreignUrl: 'The url should be accessible using your ImageKit.io account.',
  noRenderer:
    'Metadata of a transformed URL needs the delivery (rendering) module, which is not registered in this emulator. Ask for the URL without a transformation to get the original’s metadata.',
} as const;

/** Formats sharp's prebuilt libvips always decodes. */
const ALWAYS_DECODED = new Set(['jpg', 'png', 'webp', 'gif', 'svg', 'avif', 'tiff']);

/** Renders one of this emulator's delivery URLs; the delivery module offers it as `renderUrl`. */
type RenderUrl = (url: string) => Promise<{ data: Buffer; mime: string }>;

/**
 * How to render a transformed URL: the delivery module's `renderUrl` when the composition root put it
 * on `ctx.delivery` (`{ ...delivery.hooks, renderUrl }`: trusted, so private files work too), else
 * the registered delivery route itself, requested in-process (public files only), else nothing.
 */
function urlRenderer(app: FastifyInstance, ctx: EmulatorContext): RenderUrl | undefined {
  const candidate = (ctx.delivery as DeliveryHooks & { renderUrl?: unknown }).renderUrl;
  if (typeof candidate === 'function') return candidate.bind(ctx.delivery) as RenderUrl;
  const route = `/${ctx.config.id}/*`;
  if (!app.hasRoute({ method: 'GET', url: route })) return undefined;
  return async (url) => {
    const relative = relativeToEndpoint(url, ctx.config.urlEndpoint) ?? '';
    const res = await app.inject({ method: 'GET', url: `/${ctx.config.id}/${relative}` });
    if (res.statusCode !== 200) {
      const message = (safeJson(res.body) as { message?: unknown } | undefined)?.message;
      const text = typeof message === 'string' ? message : MESSAGES.noFile;
      throw res.statusCode === 404 ? notFound(MESSAGES.noFile) : badRequest(text);
    }
    return { data: res.rawPayload, mime: String(res.headers['content-type'] ?? '') };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `GET /v1/files/{fileId}/metadata` and `GET /v1/metadata?url=`. */
export const metadataRoutes: RouteModule = (app, ctx) => {
  app.get('/v1/files/:fileId/metadata', async (request) => {
    const { fileId } = request.params as { fileId: string };
    const record = ctx.library.currentById(fileId);
    if (!record) throw notFound(MESSAGES.noFile);
    return metadataOfRecord(ctx, record);
  });

  app.get('/v1/metadata', async (request) => {
    const { url } = request.query as { url?: unknown };
    if (typeof url !== 'string' || url === '') throw badRequest('Missing url parameter.');
    const relative = relativeToEndpoint(url, ctx.config.urlEndpoint);
    if (relative === undefined) throw badRequest(MESSAGES.foreignUrl);
    let parsed;
    try {
      parsed = parseDeliveryUrl(relative);
    } catch (err) {
      if (err instanceof BadDeliveryUrl) throw badRequest(`${MESSAGES.foreignUrl} ${err.message}`);
      throw err;
    }
    if (parsed.tr !== undefined) return metadataOfRendered(urlRenderer(app, ctx), url);
    const record = parsed.versionId
      ? versionAt(ctx, parsed.filePath, parsed.versionId)
      : ctx.library.currentByPath(parsed.filePath);
    if (!record) throw notFound(MESSAGES.noFile);
    return metadataOfRecord(ctx, record);
  });
};

/** Path and query after `<urlEndpoint>/`, or `undefined` for a URL of another origin or endpoint. */
function relativeToEndpoint(url: string, urlEndpoint: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const endpoint = new URL(urlEndpoint);
  const prefix = `${endpoint.pathname.replace(/\/$/, '')}/`;
  if (parsed.origin !== endpoint.origin || !parsed.pathname.startsWith(prefix)) return undefined;
  // Slice the raw string (not `parsed.pathname`) so percent-encoding stays as the client wrote it.
  const raw = url.split('#')[0];
  const pathStart = raw.indexOf('/', raw.indexOf('//') + 2);
  return raw.startsWith(prefix, pathStart) ? raw.slice(pathStart + prefix.length) : undefined;
}

function versionAt(ctx: EmulatorContext, filePath: string, versionId: string): FileRecord | undefined {
  const current = ctx.library.currentByPath(filePath);
  return current && ctx.library.version(current.fileId, versionId);
}

async function metadataOfRecord(ctx: EmulatorContext, record: FileRecord): Promise<Record<string, unknown>> {
  if (record.fileType !== 'image') {
    // Named like an image (`.jpg`) but unreadable when uploaded: ImageKit's "corrupt or invalid".
    if (ALWAYS_DECODED.has(record.format)) throw badRequest(MESSAGES.corrupt);
    return nonImageMetadata(record);
  }
  try {
    return { ...(await metadataForBlob(record.blobHash, ctx.library.blobPath(record.blobHash))) };
  } catch (err) {
    if (!(err instanceof UnreadableImageError)) throw err;
    // A format this sharp build always decodes that fails to decode is corrupt; others (HEIC needs
    // a HEVC decoder, JPEG XL / JPEG 2000 optional libraries) may be fine: report what upload recorded.
    if (ALWAYS_DECODED.has(record.format)) throw badRequest(MESSAGES.corrupt);
    return nonImageMetadata(record);
  }
}

/** Without a PDF reader or a decoder for the format, the emulator knows only what the upload recorded. */
function nonImageMetadata(record: FileRecord): Record<string, unknown> {
  // Probed at upload by ffprobe: ImageKit's VideoMetadata (size, dimensions, duration, bitRate, codecs).
  if (isProbedMedia(record)) return videoMetadata(record);
  const out: Record<string, unknown> = {};
  if (record.height !== null) out.height = record.height;
  if (record.width !== null) out.width = record.width;
  out.size = record.size;
  out.format = record.format;
  if (record.duration !== null) out.duration = Math.round(record.duration);
  return out;
}

async function metadataOfRendered(render: RenderUrl | undefined, url: string): Promise<Record<string, unknown>> {
  if (!render) throw badRequest(MESSAGES.noRenderer);
  const rendered = await render(url);
  if (rendered.mime.startsWith('video/') || rendered.mime.startsWith('audio/')) {
    const video = await videoMetadataOfBytes(rendered.data);
    if (video) return video;
  }
  if (!rendered.mime.startsWith('image/')) throw badRequest(MESSAGES.corrupt);
  try {
    return { ...(await extractImageMetadata(rendered.data)) };
  } catch (err) {
    if (err instanceof UnreadableImageError) throw badRequest(MESSAGES.corrupt);
    throw err;
  }
}
