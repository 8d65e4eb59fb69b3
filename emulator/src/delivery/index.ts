import path from 'node:path';
import type { DeliveryHooks, EmulatorConfig, LibraryReader, RouteModule } from '../context.js';
import { IkError, badRequest } from '../http/errors.js';
import { TransformationError } from '../../../shared/transformations/index.js';
import { LibraryFiles } from './access.js';
import { RenderCache } from './cache.js';
import { RenderPool } from './pool.js';
import { DEFAULT_PREWARM, ThumbnailPrewarmer, type PrewarmOptions } from './prewarm.js';
import { DEFAULT_RENDER_LIMITS, type RenderLimits } from './render/budget.js';
import { estimateMegapixels } from './render/cost.js';
import { inspect } from './render/image.js';
import { renderImage } from './render/render.js';
import { registerDeliveryRoute } from './route.js';
import { DeliveryService, type DeliveryOptions } from './service.js';
import { DEFAULT_VIDEO_OPTIONS, VideoDelivery, type VideoDeliveryOptions } from '../video/video-delivery.js';
import { preTransformVideo } from '../video/pre-transform.js';

export interface Delivery {
  route: RouteModule;
  /** Put on `ctx.delivery`; also carries `renderUrl`, which the metadata route looks for. */
  hooks: DeliveryHooks & { renderUrl: Delivery['renderUrl'] };
  /** Renders a delivery URL of this emulator for `GET /v1/metadata?url=` (no signature needed: the API is authenticated). */
  renderUrl(url: string): Promise<{ data: Buffer; mime: string }>;
  service: DeliveryService;
  /** Background renders of new uploads' grid thumbnails (prewarm.ts). */
  prewarm: ThumbnailPrewarmer;
  close(): Promise<void>;
}

export interface CreateDeliveryOptions extends Partial<Omit<DeliveryOptions, 'limits' | 'video'>> {
  /** Render limits in pixels; each one left out keeps its DEFAULT_RENDER_LIMITS value. */
  limits?: Partial<RenderLimits>;
  /** Concurrent renders; default one per core. */
  concurrency?: number;
  /** Where rendered responses are kept; default `<dataDir>/delivery-cache`. */
  cacheDir?: string;
  /** Disk budget of the cache; the oldest entries are evicted beyond it (default 2 GiB). */
  cacheMaxBytes?: number;
  /** Video delivery: wait before the 302 for a transformation in progress, megapixel-second budget, ffmpeg job slots. */
  video?: Partial<Omit<VideoDeliveryOptions, 'avifEnabled' | 'imageLimits'>>;
  /**
   * Thumbnails rendered in the background after an upload; `transformations: []` turns it off. Default
   * DEFAULT_PREWARM, or off when the environment has IK_EMULATOR_PREWARM=off.
   */
  prewarm?: Partial<PrewarmOptions>;
}

function prewarmFromEnv(): Partial<PrewarmOptions> {
  return process.env.IK_EMULATOR_PREWARM === 'off' ? { transformations: [] } : {};
}

/**
 * The URL endpoint: serves originals and ImageKit transformation URLs rendered with sharp, behind a
 * disk cache that only a purge invalidates. Register `route`, and put `hooks` on the context.
 */
export function createDelivery(config: EmulatorConfig, library: LibraryReader, options: CreateDeliveryOptions = {}): Delivery {
  const cache = new RenderCache(options.cacheDir ?? path.join(config.dataDir, 'delivery-cache'), options.cacheMaxBytes);
  const opened = cache.open();
  const pool = new RenderPool(options.concurrency);
  const limits: RenderLimits = { ...DEFAULT_RENDER_LIMITS, ...options.limits };
  const video = new VideoDelivery(config, library, cache, { ...DEFAULT_VIDEO_OPTIONS, ...options.video, avifEnabled: options.avifEnabled ?? false, imageLimits: limits });
  // Renders through the service like a client would (same keys, limits and private rule), once the cache is open.
  const prewarm = new ThumbnailPrewarmer(library, pool, (req) => opened.then(() => service.serve(req)), {
    ...DEFAULT_PREWARM,
    ...prewarmFromEnv(),
    ...options.prewarm,
  });
  const service = new DeliveryService(config, library, cache, pool, {
    avifEnabled: options.avifEnabled ?? false,
    namedTransformation: options.namedTransformation,
    limits,
    video,
    onClientTransformation: (tr) => prewarm.learn(tr),
  });
  const unsubscribe = library.onChange?.((event) => prewarm.observe(event));

  const renderUrl = async (url: string): Promise<{ data: Buffer; mime: string }> => {
    await opened;
    const relative = service.relativeOf(url.split('#')[0]);
    if (relative === undefined) throw badRequest(`The URL ${url} does not belong to this emulator's URL endpoint.`);
    const res = await service.serve({ relative, accept: '', trusted: true });
    if (res.status !== 200) {
      const message = (JSON.parse(res.body.toString('utf8')) as { message?: string }).message ?? 'The URL could not be rendered.';
      throw new IkError(res.status === 404 ? 404 : 400, message);
    }
    return { data: res.body, mime: res.headers['content-type'] };
  };

  const hooks: DeliveryHooks & { renderUrl: typeof renderUrl; preTransformVideo(file: string, tr: string): Promise<Buffer> } = {
    renderUrl,
    // An upload's video pre-transformation (run in the background by the upload route after its 202).
    preTransformVideo: (file, tr) => preTransformVideo(video, file, tr),
    async purge(url) {
      await opened;
      await service.purge(url);
    },
    async preTransform(input, transformation) {
      try {
        const steps = service.parse(transformation);
        // Layers and fonts of a pre-transformation may not read private files (access.ts says why).
        const files = new LibraryFiles(library, 'pre-transformation');
        const cost = estimateMegapixels(steps, await inspect(input));
        const result = await pool.run(
          () => renderImage({ input, steps, accept: '', env: { hints: {}, loadFile: (filePath) => files.load(filePath) }, avifEnabled: false, limits }),
          { cost },
        );
        return { data: result.data, mime: result.mime };
      } catch (err) {
        if (err instanceof TransformationError) throw badRequest(`Invalid pre-transformation: ${err.message}`);
        if (err instanceof IkError) throw err;
        throw badRequest(`The pre-transformation could not be applied: ${(err as Error).message}`);
      }
    },
  };

  return {
    service,
    prewarm,
    hooks,
    renderUrl,
    route: async (app) => {
      await opened;
      registerDeliveryRoute(app, config.id, service);
    },
    async close() {
      await opened;
      unsubscribe?.();
      await prewarm.close();
      await video.close();
      await service.idle();
      await pool.idle();
    },
  };
}
