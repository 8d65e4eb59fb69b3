import { parseTransformation } from '../../../shared/transformations/index.js';
import { LibraryFiles } from '../delivery/access.js';
import { IkError } from '../http/errors.js';
import { probeVideo } from './probe.js';
import { renderVideo } from './transcode.js';
import type { VideoDelivery } from './video-delivery.js';

/**
 * An upload's `transformation.pre` on a video, run as a background job (ImageKit queues it and answers 202):
 * the staged file is transcoded with the same pipeline as delivery URLs. Layers may not read private
 * library files (access.ts: the result becomes a new file). f-auto has no client here, so it is MP4.
 */
export async function preTransformVideo(video: VideoDelivery, file: string, transformation: string): Promise<Buffer> {
  const tools = video.tools();
  const facts = await probeVideo(tools, file);
  if (!facts || facts.width === null) throw new IkError(400, 'The pre-transformation could not be applied: the file is not a video ffprobe can read.');
  const steps = parseTransformation(transformation);
  const files = new LibraryFiles(video.library, 'pre-transformation');
  const env = { hints: {}, loadFile: (p: string) => files.load(p) };
  return video.jobs.run(`pre|${file}|${transformation}`, async (signal) => {
    const input = await video.renderInput(file, facts, steps, { relative: '', accept: '', trusted: true }, env, signal);
    try {
      return (await renderVideo(input)).data;
    } catch (err) {
      throw video.failure(err);
    }
  }, { heavy: true });
}
