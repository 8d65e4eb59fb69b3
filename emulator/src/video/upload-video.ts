import { parseTransformation, TransformationError } from '../../../shared/transformations/index.js';
import type { DeliveryHooks } from '../context.js';
import { badRequest } from '../http/errors.js';
import { deliveryUrl } from '../model/file-details.js';
import type { FileRecord } from '../model/file-record.js';
import type { ProbedFacts } from '../model/probe.js';
import type { PostTransformationStep } from '../store/post-transformations.js';

/** ImageKit's 202 body for an upload whose video pre-transformation was queued (SPEC upload-file 202). */
export const VIDEO_PRE_QUEUED = { message: 'The pre-transformation has been queued successfully.' };

const INCOMPATIBLE = 'The file could not be uploaded because the detected file type & post-transformation are incompatible.';
const INVALID = 'The file could not be uploaded because the transformation field is invalid.';

const isVideo = (p: Pick<ProbedFacts, 'fileType' | 'videoCodec'>) => p.fileType === 'non-image' && p.videoCodec != null;

/**
 * Which `transformation.post` types fit the uploaded file: `transformation` and `thumbnail` on images and
 * videos (an image's thumbnail is the image itself transformed), `abs` on videos, `gif-to-video` on GIFs;
 * anything else is ImageKit's "incompatible" 400.
 */
export function assertPostCompatible(probed: Pick<ProbedFacts, 'fileType' | 'videoCodec' | 'format'>, post: PostTransformationStep[]): void {
  for (const step of post) {
    const fits =
      step.type === 'transformation' || step.type === 'thumbnail' ? probed.fileType === 'image' || isVideo(probed)
      : step.type === 'gif-to-video' ? probed.format === 'gif'
      : isVideo(probed);
    if (!fits) throw badRequest(INCOMPATIBLE);
  }
}

/** A pre-transformation string must parse before the upload is accepted (a bad one is the same 400 as for images). */
export function assertValidPre(pre: string): void {
  try {
    parseTransformation(pre);
  } catch (err) {
    if (err instanceof TransformationError) throw badRequest(`${INVALID} ${err.message}`);
    throw err;
  }
}

/** The delivery URLs a file's post-transformations stand for (ImageKit prepares them right after the upload). */
export function postTransformationUrls(record: FileRecord, urlEndpoint: string, post: PostTransformationStep[]): string[] {
  const url = deliveryUrl(urlEndpoint, record.filePath);
  const video = record.fileType === 'non-image';
  return post.map((step) => {
    const tr = step.value ? `?tr=${step.value}` : '';
    switch (step.type) {
      case 'transformation':
        return `${url}${tr}`;
      case 'thumbnail':
        return video ? `${url}/ik-thumbnail.jpg${tr}` : `${url}?tr=${step.value ?? 'n-ik_ml_thumbnail'}`;
      case 'abs':
        return `${url}/ik-master.${step.protocol === 'dash' ? 'mpd' : 'm3u8'}${tr}`;
      case 'gif-to-video':
        return `${url}?tr=f-mp4${step.value ? `,${step.value}` : ''}`;
    }
  });
}

type RenderUrl = (url: string) => Promise<unknown>;
type PreTransformVideo = (file: string, transformation: string) => Promise<Buffer>;

/** The delivery module's extra hooks (the composition root puts the whole hooks object on the context). */
export function videoHooksOf(delivery: DeliveryHooks): { renderUrl?: RenderUrl; preTransformVideo?: PreTransformVideo } {
  const hooks = delivery as DeliveryHooks & { renderUrl?: unknown; preTransformVideo?: unknown };
  return {
    renderUrl: typeof hooks.renderUrl === 'function' ? (hooks.renderUrl.bind(delivery) as RenderUrl) : undefined,
    preTransformVideo: typeof hooks.preTransformVideo === 'function' ? (hooks.preTransformVideo.bind(delivery) as PreTransformVideo) : undefined,
  };
}

/** Renders each post-transformation once, so it sits in the render cache before anyone asks (failures are skipped). */
export async function warmPostTransformations(delivery: DeliveryHooks, urls: string[]): Promise<void> {
  const { renderUrl } = videoHooksOf(delivery);
  if (!renderUrl) return;
  for (const url of urls) await renderUrl(url).catch(() => undefined);
}
