import { createHash } from 'node:crypto';
import { assertReadable, LibraryFiles, privateFileRefused } from '../delivery/access.js';
import type { DeliveryRequest, DeliveryResponse } from '../delivery/service.js';
import type { DeliveryUrl } from '../delivery/request-url.js';
import { HELP, IkError } from '../http/errors.js';
import { isProbedVideo } from '../model/video-fields.js';
import type { Step } from '../../../shared/transformations/index.js';
import { packageAbs } from './abs-package.js';
import { absolutizeParts, MANIFEST_MIME, partMime, partSignatureValid, signParts } from './abs-playlists.js';
import type { VideoPath } from './video-url.js';
import type { EmulatorConfig, LibraryReader } from '../context.js';
import type { RenderCache } from '../delivery/cache.js';
import type { FileRecord } from '../model/file-record.js';
import type { VideoJobs } from './jobs.js';
import type { VideoFacts } from './probe.js';
import type { VideoRenderInput } from './transcode.js';

/**
 * What adaptive streams use of the video delivery that owns them (VideoDelivery fits it). Named here
 * rather than imported, so the owner depends on this module and not the other way round.
 */
export interface AbsHost {
  readonly config: EmulatorConfig;
  readonly library: LibraryReader;
  readonly cache: RenderCache;
  readonly jobs: VideoJobs;
  findRecord(filePath: string, versionId: string | undefined): FileRecord | undefined;
  factsOf(record: FileRecord): Promise<VideoFacts>;
  renderInput(file: string, facts: VideoFacts, steps: Step[], req: DeliveryRequest, env: VideoRenderInput['chain']['env'], signal: AbortSignal): Promise<VideoRenderInput>;
  failure(err: unknown): unknown;
  waitFor<T>(job: Promise<T>): Promise<T | undefined>;
  respond(url: DeliveryUrl, body: Buffer, mime: string, etag: string, vary: boolean, cache: 'HIT' | 'MISS', req: DeliveryRequest): DeliveryResponse;
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex')}"`;
const notFound = (message: string) => new IkError(404, message, {}, { 'ik-error': `ENOENT - ${message}` });

/**
 * Adaptive bitrate streaming: `<video>/ik-master.m3u8?tr=sr-…` (HLS) and `<video>/ik-master.mpd?tr=sr-…`
 * (DASH). One background job encodes every rendition and stores the manifest, variant playlists and
 * segments in the render cache under the video's path, so a purge of the video drops them all.
 */
export class AbsStreams {
  constructor(private readonly video: AbsHost) {}

  async serve(url: DeliveryUrl, path: VideoPath, req: DeliveryRequest, steps: Step[] | undefined, signedOk: boolean): Promise<DeliveryResponse> {
    if (path.target.kind === 'part') return this.servePart(url, req, signedOk);
    const protocol = path.target.kind === 'master' ? path.target.protocol : 'hls';
    const key = url.unsignedRelative;
    const hit = await this.video.cache.read(key);
    const rawVideoPath = url.fileKey.slice(0, url.fileKey.length - path.suffix.length);
    const absId = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const folder = `${rawVideoPath}/ik-abs/${absId}/`;
    if (hit && (await this.complete(folder))) {
      if (hit.meta.isPrivate && !signedOk) throw privateFileRefused();
      return this.manifestResponse(url, hit.data.toString('utf8'), protocol, hit.meta.isPrivate, folder, req, 'HIT');
    }
    const record = this.video.findRecord(path.videoPath, url.versionId);
    if (!record) throw notFound('No file was found at the requested path.');
    assertReadable(record, signedOk ? 'signed' : 'unsigned');
    if (!isProbedVideo(record)) throw new IkError(400, `${path.videoPath} is not a video; adaptive streams are made from videos.`);
    const facts = await this.video.factsOf(record);
    const work = async (signal: AbortSignal) => {
      const files = new LibraryFiles(this.video.library, signedOk ? 'signed' : 'unsigned');
      const env = { hints: req.hints ?? {}, loadFile: (p: string) => files.load(p) };
      const input = await this.video.renderInput(this.video.library.blobPath(record.blobHash), facts, steps ?? [], req, env, signal);
      const pkg = await packageAbs(input, protocol).catch((err: unknown) => Promise.reject(this.video.failure(err)));
      const isPrivate = record.isPrivateFile || files.usedPrivate;
      const prefix = `${this.endpointPath()}/${folder}`;
      // index.json lists the parts, so a cached manifest is only served while all of them are cached too.
      pkg.parts.set('index.json', Buffer.from(JSON.stringify([...pkg.parts.keys()])));
      for (const [name, data] of pkg.parts) {
        const body = name.endsWith('.m3u8') ? Buffer.from(absolutizeParts(data.toString('utf8'), 'hls', prefix)) : data;
        const partKey = `${folder}${name}`;
        await this.video.cache.write({ key: partKey, url: partKey, fileKey: rawVideoPath, mime: partMime(name), etag: etagOf(body), vary: false, isPrivate }, body);
      }
      // The manifest is stored last: a cached manifest means its parts were stored before it.
      const manifest = absolutizeParts(pkg.manifest, protocol, prefix);
      const body = Buffer.from(manifest);
      await this.video.cache.write({ key, url: key, fileKey: rawVideoPath, mime: MANIFEST_MIME[protocol], etag: etagOf(body), vary: false, isPrivate }, body);
      return { manifest, isPrivate };
    };
    const job = this.video.jobs.run(`${key}|${signedOk ? 'signed' : 'unsigned'}`, work, { heavy: true });
    const out = req.trusted ? await job : await this.video.waitFor(job);
    if (!out) {
      const message = 'The adaptive stream is being prepared; retry in a few seconds.';
      return { status: 503, headers: { 'retry-after': '5', 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8', 'ik-error': `EPENDING - ${message}` }, body: Buffer.from(JSON.stringify({ message, help: HELP })) };
    }
    if (out.isPrivate && !signedOk) throw privateFileRefused();
    return this.manifestResponse(url, out.manifest, protocol, out.isPrivate, folder, req, 'MISS');
  }

  private endpointPath(): string {
    return new URL(this.video.config.urlEndpoint).pathname.replace(/\/$/, '');
  }

  /** A cached manifest is served only while every part its stream listed (index.json) is still cached. */
  private async complete(folder: string): Promise<boolean> {
    const index = await this.video.cache.read(`${folder}index.json`);
    if (!index) return false;
    const names = JSON.parse(index.data.toString('utf8')) as string[];
    return names.every((name) => this.video.cache.peek(`${folder}${name}`) !== undefined);
  }

  private async servePart(url: DeliveryUrl, req: DeliveryRequest, signedOk: boolean): Promise<DeliveryResponse> {
    // Parts are keyed by their path alone: the folder signature in their query is not part of the stream.
    const key = url.fileKey;
    const folder = key.slice(0, key.lastIndexOf('/') + 1);
    const hit = await this.video.cache.read(key);
    if (!hit) throw notFound('This stream part is not in the cache (it was purged or never made); request the master manifest again.');
    const allowed = signedOk || partSignatureValid(this.video.config.privateKey, folder, url.query);
    if (hit.meta.isPrivate && !allowed) throw privateFileRefused();
    if (hit.meta.mime !== MANIFEST_MIME.hls) return this.video.respond(url, hit.data, hit.meta.mime, hit.meta.etag, false, 'HIT', req);
    const expiry = url.query.find(([n]) => n === 'ik-abs-t')?.[1];
    return this.manifestResponse(url, hit.data.toString('utf8'), 'hls', hit.meta.isPrivate, folder, req, 'HIT', expiry);
  }

  private manifestResponse(url: DeliveryUrl, text: string, kind: 'hls' | 'dash', isPrivate: boolean, folder: string, req: DeliveryRequest, cache: 'HIT' | 'MISS', expiry = url.signature.t): DeliveryResponse {
    const signed = isPrivate ? signParts(text, kind, this.video.config.privateKey, folder, expiry) : text;
    const body = Buffer.from(signed);
    const res = this.video.respond(url, body, MANIFEST_MIME[kind], etagOf(body), false, cache, req);
    // Signed part URLs differ per request: a private manifest is not shared by caches.
    if (isPrivate) res.headers['cache-control'] = 'private, no-store';
    return res;
  }
}
