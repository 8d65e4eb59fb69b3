import { createHash } from 'node:crypto';
import type { EmulatorConfig, LibraryReader } from '../context.js';
import type { RenderCache } from '../delivery/cache.js';
import { assertReadable, LibraryFiles, privateFileRefused } from '../delivery/access.js';
import { RenderAborted } from '../delivery/pool.js';
import { RenderBudget, type RenderLimits } from '../delivery/render/budget.js';
import type { DeliveryRequest, DeliveryResponse } from '../delivery/service.js';
import type { DeliveryUrl } from '../delivery/request-url.js';
import { IkError } from '../http/errors.js';
import type { FileRecord } from '../model/file-record.js';
import { isProbedVideo } from '../model/video-fields.js';
import type { Step } from '../../../shared/transformations/index.js';
import { DEFAULT_VIDEO_LIMITS, type VideoLimits } from './budget.js';
import { encodersOf } from './encoders.js';
import { EncoderMissing, requireMediaTools } from './ffmpeg-locator.js';
import { VideoJobs } from './jobs.js';
import { negotiatedContainer, videoOutputParams } from './output.js';
import { probeVideo, type VideoFacts } from './probe.js';
import { ToolAborted, ToolFailed } from './run-tool.js';
import { renderThumbnail } from './thumbnail.js';
import { renderVideo, type VideoRenderInput } from './transcode.js';
import { splitVideoPath, type VideoPath } from './video-url.js';
import { AbsStreams } from './abs-delivery.js';
import { redirectToOriginal } from './redirect.js';

export interface VideoDeliveryOptions {
  /** How long a request waits for a transcode before ImageKit's answer for "not ready yet": 302 to the original (ImageKit polls 3 × 5 s). */
  waitMs: number;
  limits: VideoLimits;
  /** Concurrent ffmpeg jobs; default one per core. */
  concurrency?: number;
  avifEnabled: boolean;
  imageLimits?: RenderLimits;
}

export const DEFAULT_VIDEO_OPTIONS: Omit<VideoDeliveryOptions, 'avifEnabled'> = { waitMs: 15_000, limits: DEFAULT_VIDEO_LIMITS };

export interface Produced {
  body: Buffer;
  mime: string;
  etag: string;
  isPrivate: boolean;
}

const CACHE_CONTROL = 'public, max-age=31536000';
const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex')}"`;
const isVideoMime = (mime: string) => mime.startsWith('video/') || mime.startsWith('audio/');

/**
 * The URL endpoint's video side: thumbnails, transformed videos and adaptive streams, rendered by ffmpeg
 * as background jobs into the same render cache images use (so purge, signatures and private-file rules
 * behave the same). `serve` answers undefined for requests that are not about video, which the image
 * path then handles.
 */
export class VideoDelivery {
  readonly jobs: VideoJobs;
  readonly abs: AbsStreams;

  constructor(
    readonly config: EmulatorConfig,
    readonly library: LibraryReader,
    readonly cache: RenderCache,
    readonly options: VideoDeliveryOptions,
  ) {
    this.jobs = new VideoJobs(options.concurrency);
    this.abs = new AbsStreams(this);
  }

  async serve(url: DeliveryUrl, req: DeliveryRequest, steps: Step[] | undefined, signedOk: boolean): Promise<DeliveryResponse | undefined> {
    const derived = splitVideoPath(url.filePath);
    if (!derived && !steps) return undefined; // the original bytes: the image path serves (and caches) them
    if (derived?.target.kind === 'master' || derived?.target.kind === 'part') return this.abs.serve(url, derived, req, steps, signedOk);
    const target = derived?.target.kind === 'thumbnail' ? 'thumbnail' : 'video';
    const { key, negotiated } = this.keyOf(url, req.accept, steps ?? [], target);
    const hit = await this.cache.read(key);
    if (hit && (derived || isVideoMime(hit.meta.mime))) {
      if (hit.meta.isPrivate && !signedOk) throw privateFileRefused();
      return this.respond(url, hit.data, hit.meta.mime, hit.meta.etag, negotiated, 'HIT', req);
    }
    const record = this.findRecord(derived?.videoPath ?? url.filePath, url.versionId);
    if (!derived && !(record && this.wantsVideo(record, steps ?? []))) return undefined;
    if (!record) throw new IkError(404, 'Not Found', {}, { 'ik-error': 'ENOENT - No file was found at the requested path.' });
    assertReadable(record, signedOk ? 'signed' : 'unsigned');
    const facts = await this.factsOf(record);
    const fileKey = derived ? url.fileKey.slice(0, url.fileKey.length - derived.suffix.length) : url.fileKey;
    const jobKey = `${key}|${signedOk ? 'signed' : 'unsigned'}`;
    const work = (signal: AbortSignal) => this.produce(target, key, url, fileKey, record, facts, steps ?? [], req, signedOk, signal);
    const job = this.jobs.run(jobKey, work, { heavy: target === 'video', signal: req.signal });
    const out = target === 'thumbnail' || req.trusted ? await job : await this.waitFor(job);
    if (!out) return redirectToOriginal(this.config, url, signedOk, record);
    if (out.isPrivate && !signedOk) throw privateFileRefused();
    return this.respond(url, out.body, out.mime, out.etag, negotiated, 'MISS', req);
  }

  /** A probed video with a transformation, or an animated GIF asked for as f-mp4 / f-webm (ImageKit's GIF to video). */
  private wantsVideo(record: FileRecord, steps: Step[]): boolean {
    if (isProbedVideo(record)) return true;
    const f = videoOutputParams(steps).f;
    return record.format === 'gif' && (f === 'mp4' || f === 'webm');
  }

  keyOf(url: DeliveryUrl, accept: string, steps: Step[], target: 'thumbnail' | 'video'): { key: string; negotiated: boolean } {
    const f = steps.length === 0 ? undefined : (videoOutputParams(steps).f ?? 'auto');
    if (target === 'video') {
      const negotiated = f === 'auto';
      return { key: url.unsignedRelative + (negotiated ? `|vaccept=${negotiatedContainer(accept)}` : ''), negotiated };
    }
    // A thumbnail with further parameters goes through the image pipeline, whose f-auto follows Accept.
    const negotiated = f === 'auto' && steps.some((s) => s.keys.some((k) => k !== 'so'));
    if (!negotiated) return { key: url.unsignedRelative, negotiated };
    const has = (mime: string) => accept.toLowerCase().includes(mime);
    const cls = this.options.avifEnabled && has('image/avif') ? 'avif' : has('image/webp') ? 'webp' : 'none';
    return { key: `${url.unsignedRelative}|accept=${cls}`, negotiated };
  }

  findRecord(filePath: string, versionId: string | undefined): FileRecord | undefined {
    const current = this.library.currentByPath(filePath);
    return current && versionId !== undefined ? this.library.version(current.fileId, versionId) : current;
  }

  /** ffprobe's facts of a stored file (kept per blob: blobs never change). */
  async factsOf(record: FileRecord): Promise<VideoFacts> {
    const tools = this.tools();
    let pending = this.facts.get(record.blobHash);
    if (!pending) {
      pending = probeVideo(tools, this.library.blobPath(record.blobHash));
      this.facts.set(record.blobHash, pending);
      if (this.facts.size > 512) this.facts.delete(this.facts.keys().next().value as string);
    }
    const facts = await pending;
    if (!facts || (facts.width === null && record.format !== 'gif')) {
      this.facts.delete(record.blobHash);
      throw new IkError(400, 'The video could not be read; it may be corrupt or in a container the emulator does not open.', {}, { 'ik-error': 'UNIDENTIFIED - unreadable video' });
    }
    return facts;
  }
  private readonly facts = new Map<string, Promise<VideoFacts | undefined>>();

  tools() {
    try {
      return requireMediaTools();
    } catch (err) {
      if (!(err instanceof EncoderMissing)) throw err;
      const message = `Video transformations need ffmpeg, which is missing: ${err.message}`;
      throw new IkError(501, message, {}, { 'ik-error': `ENOENCODER - ${message}` });
    }
  }

  /** Renders, caches and returns one thumbnail or transformed video (run as a job). */
  private async produce(target: 'thumbnail' | 'video', key: string, url: DeliveryUrl, fileKey: string, record: FileRecord, facts: VideoFacts, steps: Step[], req: DeliveryRequest, signedOk: boolean, signal: AbortSignal): Promise<Produced> {
    const tools = this.tools();
    const files = new LibraryFiles(this.library, signedOk ? 'signed' : 'unsigned');
    const file = this.library.blobPath(record.blobHash);
    const env = { hints: req.hints ?? {}, customFocus: undefined, loadFile: (p: string) => files.load(p) };
    let body: Buffer;
    let mime: string;
    try {
      if (target === 'thumbnail') {
        ({ data: body, mime } = await renderThumbnail({ tools, file, facts, steps, accept: req.accept, env, avifEnabled: this.options.avifEnabled, imageLimits: this.imageLimits(), videoLimits: this.options.limits, signal }));
      } else {
        const input = await this.renderInput(file, facts, steps, req, env, signal);
        const rendered = await renderVideo(input);
        body = rendered.data;
        mime = rendered.output.mime;
      }
    } catch (err) {
      throw this.failure(err);
    }
    const etag = etagOf(body);
    const isPrivate = record.isPrivateFile || files.usedPrivate;
    await this.cache.write({ key, url: url.unsignedRelative, fileKey, mime, etag, vary: false, isPrivate }, body);
    return { body, mime, etag, isPrivate };
  }

  async renderInput(file: string, facts: VideoFacts, steps: Step[], req: DeliveryRequest, env: VideoRenderInput['chain']['env'], signal: AbortSignal): Promise<VideoRenderInput> {
    const tools = this.tools();
    const budget = new RenderBudget(this.imageLimits(), signal);
    const initial = { width: facts.width ?? 2, height: facts.height ?? 2 };
    return { tools, encoders: await encodersOf(tools), file, facts, steps, accept: req.accept, hints: req.hints ?? {}, chain: { env, budget, initial, depth: 0 }, limits: this.options.limits, signal };
  }

  imageLimits(): RenderLimits {
    return this.options.imageLimits ?? new RenderBudget().limits;
  }

  /** ffmpeg failures become ImageKit-shaped errors; a stopped job is the pool's "client went away". */
  failure(err: unknown): unknown {
    if (err instanceof ToolAborted) return new RenderAborted();
    if (err instanceof ToolFailed) {
      const why = `The video could not be processed: ${err.message}`;
      return new IkError(400, why, {}, { 'ik-error': `UNIDENTIFIED - ${why}` });
    }
    return err;
  }

  /** The job's result if it finishes within `waitMs`; undefined means "still running" (it goes on in the background). */
  async waitFor<T>(job: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.options.waitMs);
    });
    job.catch(() => undefined); // a job finishing after the wait must not be an unhandled rejection
    try {
      return await Promise.race([job, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  respond(url: DeliveryUrl, body: Buffer, mime: string, etag: string, vary: boolean, cache: 'HIT' | 'MISS', req: DeliveryRequest): DeliveryResponse {
    const headers: Record<string, string> = { 'content-type': mime, etag, 'cache-control': CACHE_CONTROL, 'x-emulator-cache': cache };
    if (vary) headers.vary = 'Accept';
    if (url.attachment) headers['content-disposition'] = `attachment; filename="${encodeURIComponent(url.filePath.split('/').pop() ?? 'file')}"`;
    if (req.ifNoneMatch !== undefined && req.ifNoneMatch.split(',').map((s) => s.trim()).includes(etag)) return { status: 304, headers, body: Buffer.alloc(0) };
    return { status: 200, headers, body };
  }

  async close(): Promise<void> {
    await this.jobs.close();
  }
}

export type { VideoPath };
