import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { HELP, IkError } from '../http/errors.js';
import type { EmulatorConfig, LibraryReader } from '../context.js';
import type { FileRecord } from '../model/file-record.js';
import { parseTransformation, TransformationError, type Step } from '../../../shared/transformations/index.js';
import { purgeMatcher, type RenderCache } from './cache.js';
import { assertReadable, LibraryFiles, privateFileRefused } from './access.js';
import { RenderAborted, type RenderPool } from './pool.js';
import type { RenderLimits } from './render/budget.js';
import { estimateMegapixels } from './render/cost.js';
import { renderImage } from './render/render.js';
import { outputParams } from './render/output.js';
import type { RenderEnv } from './render/steps.js';
import { BadDeliveryUrl, parseDeliveryUrl, type DeliveryUrl } from './request-url.js';
import { SharedRenders } from './shared-renders.js';
import { checkSignature } from './signature.js';
import { headerValue } from '../http/header-values.js';

export interface DeliveryRequest {
  /** Path and query after `<urlEndpoint>/`, exactly as sent (percent-encoded). */
  relative: string;
  accept: string;
  /** Client hints (`Sec-CH-Width`, `Sec-CH-DPR`) for `w-auto` and `dpr-auto`. */
  hints?: { width?: number; dpr?: number };
  ifNoneMatch?: string;
  /** Calls made by the authenticated API (metadata by URL) skip the signed-URL requirement. */
  trusted?: boolean;
  /** Aborted when the client goes away; the render is dropped or stopped unless another client waits for it. */
  signal?: AbortSignal;
}

export interface DeliveryResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The video side of the URL endpoint (emulator/src/video): answers undefined for requests that are not about video. */
export interface VideoHandler {
  serve(url: DeliveryUrl, req: DeliveryRequest, steps: Step[] | undefined, signedOk: boolean): Promise<DeliveryResponse | undefined>;
}

export interface DeliveryOptions {
  /** ImageKit accounts have AVIF off by default; f-auto then never picks it. */
  avifEnabled: boolean;
  /** Resolves `n-<name>` beyond the built-in names. */
  namedTransformation?: (name: string) => string | undefined;
  /** Render limits (megapixels of input, of each image and of the whole render); default DEFAULT_RENDER_LIMITS. */
  limits?: RenderLimits;
  /** Thumbnails, transformed videos and adaptive streams; without it video URLs with a transformation are refused. */
  video?: VideoHandler;
  /** Sees the `tr` of each client request (not the emulator's own), e.g. to learn the grid's thumbnail size. */
  onClientTransformation?: (tr: string | undefined) => void;
}

interface Produced {
  body: Buffer;
  mime: string;
  etag: string;
  approximated: string[];
  /** A private file (the requested one, a layer or a font) went into the body. */
  isPrivate: boolean;
}

const CACHE_CONTROL = 'public, max-age=31536000';

function errorResponse(status: number, message: string, ikError?: string, extraHeaders: Record<string, string> = {}): DeliveryResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders };
  if (ikError) headers['ik-error'] = headerValue(ikError);
  return { status, headers, body: Buffer.from(JSON.stringify({ message, help: HELP })) };
}

const notFound = () => errorResponse(404, 'Not Found', 'ENOENT - No file was found at the requested path.');
const unauthorized = (why: string) => errorResponse(401, why, `EACCES - ${why}`);

/** Which variant f-auto would pick, so each Accept class is cached separately. */
function acceptClass(accept: string, avifEnabled: boolean): string {
  const has = (mime: string) => accept.toLowerCase().includes(mime);
  return avifEnabled && has('image/avif') ? 'avif' : has('image/webp') ? 'webp' : 'none';
}

function parseFocus(customCoordinates: string | null): RenderEnv['customFocus'] {
  const parts = customCoordinates?.split(',').map(Number);
  if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  return { left: parts[0], top: parts[1], width: parts[2], height: parts[3] };
}

/**
 * Which in-flight renders a request may join. Only layers (image layers, `ff-` fonts) read library
 * files besides the requested one, and only a signed request may read private ones, so with layers
 * signed and unsigned requests never share a render. Without layers the body depends on the URL and
 * the Accept class alone (each request's own access to the file was checked before joining), so a grid
 * tile's unsigned request joins the background prewarm's trusted render of the same thumbnail.
 */
function renderShareKey(key: string, steps: Step[] | undefined, signedOk: boolean): string {
  const readsOtherFiles = steps?.some((s) => s.layers.length > 0) ?? false;
  return readsOtherFiles ? `${key}|${signedOk ? 'signed' : 'unsigned'}` : key;
}

export class DeliveryService {
  constructor(
    private readonly config: EmulatorConfig,
    private readonly library: LibraryReader,
    private readonly cache: RenderCache,
    private readonly pool: RenderPool,
    private readonly options: DeliveryOptions,
  ) {}

  parse(tr: string): Step[] {
    return parseTransformation(tr, { namedTransformation: this.options.namedTransformation });
  }

  async serve(req: DeliveryRequest): Promise<DeliveryResponse> {
    try {
      return await this.serveUnsafe(req);
    } catch (err) {
      if (err instanceof BadDeliveryUrl) return errorResponse(400, err.message, `EINVALID - ${err.message}`);
      if (err instanceof TransformationError) return errorResponse(400, err.message, `EINVALIDTRANSFORMATION - ${err.param}: ${err.message}`);
      if (err instanceof IkError) return errorResponse(err.status, err.message, err.headers['ik-error']);
      if (err instanceof RenderAborted) return errorResponse(503, err.message);
      throw err;
    }
  }

  private async serveUnsafe(req: DeliveryRequest): Promise<DeliveryResponse> {
    const url = parseDeliveryUrl(req.relative);
    const signature = url.signature.s === undefined ? 'missing' : checkSignature(this.config.privateKey, url.unsignedRelative, url.signature);
    if (signature === 'invalid') return unauthorized('The signature of this URL is invalid.');
    if (signature === 'expired') return unauthorized('This signed URL has expired.');
    const signedOk = signature === 'valid' || req.trusted === true;
    if (req.trusted !== true) this.options.onClientTransformation?.(url.tr);

    let steps = url.tr === undefined ? undefined : this.parse(url.tr);
    if (steps?.some((s) => s.params.orig === true)) steps = undefined; // orig-true: every other parameter is ignored.
    const video = await this.options.video?.serve(url, req, steps, signedOk);
    if (video) return video;
    const negotiated = steps !== undefined && (outputParams(steps).f ?? 'auto') === 'auto';
    let key = url.unsignedRelative + (negotiated ? `|accept=${acceptClass(req.accept, this.options.avifEnabled)}` : '');
    // w-auto / dpr-auto depend on client hints, so each hint value is its own variant.
    const usesHints = steps?.some((s) => s.params.w === 'auto' || s.params.dpr === 'auto') ?? false;
    if (usesHints) key += `|width=${req.hints?.width ?? ''}|dpr=${req.hints?.dpr ?? ''}`;

    const hit = await this.cache.read(key);
    if (hit) {
      if (hit.meta.isPrivate && !signedOk) throw privateFileRefused();
      return this.respond(url, hit.meta.mime, hit.meta.etag, hit.meta.vary, hit.data, req, 'HIT', []);
    }

    const record = this.findRecord(url, steps);
    if (!record) return notFound();
    assertReadable(record, signedOk ? 'signed' : 'unsigned');

    if (steps && record.fileType !== 'image') {
      return errorResponse(400, `Transformations are not supported for ${record.mime} files in the emulator.`, 'EINVALIDTRANSFORMATION - unsupported file type');
    }
    const out = await this.renders.join(renderShareKey(key, steps, signedOk), (signal) => this.produce(key, url, record, steps, negotiated, req, signedOk, signal), req.signal);
    if (out.isPrivate && !signedOk) throw privateFileRefused();
    return this.respond(url, out.mime, out.etag, negotiated, out.body, req, 'MISS', out.approximated);
  }

  private readonly renders = new SharedRenders<Produced>();

  /**
   * Renders (or reads) the response body for a cache miss and stores it under `key`. Layers and fonts
   * read library files through the same access rule as the request itself; a body that used a private
   * file is cached as private, so an unsigned request never gets it from the cache either.
   */
  private async produce(key: string, url: DeliveryUrl, record: FileRecord, steps: Step[] | undefined, negotiated: boolean, req: DeliveryRequest, signedOk: boolean, signal: AbortSignal): Promise<Produced> {
    const source = this.library.blobPath(record.blobHash);
    const files = new LibraryFiles(this.library, signedOk ? 'signed' : 'unsigned');
    let body: Buffer;
    let mime = record.mime;
    let approximated: string[] = [];
    if (!steps) {
      body = await readFile(source);
    } else {
      const run = steps;
      const cost = estimateMegapixels(run, { width: record.width ?? 1, height: record.height ?? 1 });
      const result = await this.pool.run(async () =>
        renderImage({
          input: await readFile(source),
          steps: run,
          accept: req.accept,
          env: this.env(record, req.hints ?? {}, files),
          avifEnabled: this.options.avifEnabled,
          limits: this.options.limits,
          signal,
        }).catch((err: unknown) => {
          // sharp/libvips failures here come from the stored bytes (truncated or corrupt image data).
          if (err instanceof IkError || err instanceof TransformationError || err instanceof RenderAborted) throw err;
          const why = `The image could not be processed: ${(err as Error).message}`;
          throw new IkError(400, why, {}, { 'ik-error': `UNIDENTIFIED - ${why}` });
        }),
        { cost, signal },
      );
      body = result.data;
      mime = result.mime;
      approximated = [...new Set(steps.flatMap((s) => s.params.approximated ?? []))];
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const isPrivate = record.isPrivateFile || files.usedPrivate;
    await this.cache.write({ key, url: url.unsignedRelative, fileKey: url.fileKey, mime, etag, vary: negotiated, isPrivate }, body);
    return { body, mime, etag, approximated, isPrivate };
  }

  /** The requested file (or version), else the `di-` default image, else undefined. */
  private findRecord(url: DeliveryUrl, steps: Step[] | undefined): FileRecord | undefined {
    const current = this.library.currentByPath(url.filePath);
    if (current && url.versionId !== undefined) return this.library.version(current.fileId, url.versionId);
    if (current) return current;
    const fallback = steps?.find((s) => s.params.di !== undefined)?.params.di;
    return fallback === undefined ? undefined : this.library.currentByPath(fallback);
  }

  private env(record: FileRecord, hints: { width?: number; dpr?: number }, files: LibraryFiles): RenderEnv {
    return { hints, customFocus: parseFocus(record.customCoordinates), loadFile: (filePath) => files.load(filePath) };
  }

  private respond(url: DeliveryUrl, mime: string, etag: string, vary: boolean, body: Buffer, req: DeliveryRequest, cache: 'HIT' | 'MISS', approximated: string[]): DeliveryResponse {
    const headers: Record<string, string> = { 'content-type': mime, etag, 'cache-control': CACHE_CONTROL, 'x-emulator-cache': cache };
    if (vary) headers.vary = 'Accept';
    if (url.attachment) headers['content-disposition'] = `attachment; filename="${encodeURIComponent(url.filePath.split('/').pop() ?? 'file')}"`;
    if (approximated.length > 0) headers['x-emulator-approximated'] = approximated.join(',');
    if (req.ifNoneMatch !== undefined && req.ifNoneMatch.split(',').map((s) => s.trim()).includes(etag)) {
      return { status: 304, headers, body: Buffer.alloc(0) };
    }
    return { status: 200, headers, body };
  }

  /** Path and query after the URL endpoint for a full delivery URL of this emulator; undefined if foreign. */
  relativeOf(fullUrl: string): string | undefined {
    let pathAndQuery = fullUrl;
    const origin = /^https?:\/\/[^/]+/i.exec(fullUrl);
    if (origin) pathAndQuery = fullUrl.slice(origin[0].length);
    const prefix = `/${this.config.id}/`;
    return pathAndQuery.startsWith(prefix) ? pathAndQuery.slice(prefix.length) : undefined;
  }

  /** Resolves once every render in progress has finished and been cached (used on close). */
  async idle(): Promise<void> {
    await this.renders.idle();
  }

  async purge(fullUrl: string): Promise<number> {
    const relative = this.relativeOf(fullUrl);
    if (relative === undefined) return 0;
    const withoutSignature = relative.includes('*') ? relative : parseDeliveryUrl(relative).unsignedRelative;
    return this.cache.purge(purgeMatcher(withoutSignature));
  }
}
