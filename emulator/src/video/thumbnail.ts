import { evaluate, TransformationError, type Step } from '../../../shared/transformations/index.js';
import type { RenderLimits } from '../delivery/render/budget.js';
import { renderImage } from '../delivery/render/render.js';
import type { RenderEnv } from '../delivery/render/steps.js';
import { checkVideoBudget, type VideoLimits } from './budget.js';
import type { MediaTools } from './ffmpeg-locator.js';
import { inputArgs } from './input-args.js';
import type { VideoFacts } from './probe.js';
import { runTool } from './run-tool.js';
import { trimParams } from './trim.js';

/** Grabs the frame at `seconds` as a high-quality JPEG (ffmpeg seeks to the exact frame, rotation applied). */
export async function extractFrame(tools: MediaTools, file: string, seconds: number, signal?: AbortSignal): Promise<Buffer> {
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', String(seconds), ...inputArgs(file), '-frames:v', '1', '-an', '-sn', '-map_metadata', '-1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '2', '-'];
  const jpeg = await runTool(tools.ffmpeg.path, args, { signal, timeoutMs: 60_000, maxStdoutBytes: 64 * 1024 * 1024 });
  if (jpeg.length === 0) throw new TransformationError('so', `No frame was found at ${seconds} s of this video.`);
  return jpeg;
}

/**
 * `<video>/ik-thumbnail.jpg`: the frame at `so` (default the first), then the remaining parameters
 * through the image pipeline, exactly as on an image (w, h, ar, c, cm, fo, bg, b, layers, …). Without
 * other parameters the frame is returned as the JPEG ffmpeg wrote.
 */
export async function renderThumbnail(input: {
  tools: MediaTools;
  file: string;
  facts: VideoFacts;
  steps: Step[];
  accept: string;
  env: RenderEnv;
  avifEnabled: boolean;
  imageLimits: RenderLimits;
  videoLimits: VideoLimits;
  signal?: AbortSignal;
}): Promise<{ data: Buffer; mime: string }> {
  const { so, eo, du } = trimParams(input.steps);
  if (eo !== undefined || du !== undefined) throw new TransformationError(eo ? 'eo' : 'du', 'A thumbnail is one frame: only so (the time of the frame) applies.');
  const at = so === undefined ? 0 : Math.round(evaluate(so, { idu: input.facts.duration, cdu: input.facts.duration }, 'so') * 100) / 100;
  if (at < 0 || (at > 0 && at >= input.facts.duration)) {
    throw new TransformationError('so', `so-${at} is not within the video, which lasts ${Math.round(input.facts.duration * 100) / 100} s; it must be less than the duration.`);
  }
  checkVideoBudget(input.videoLimits, { width: input.facts.width ?? 0, height: input.facts.height ?? 0 }, [], 0);
  const frame = await extractFrame(input.tools, input.file, at, input.signal);
  const rest = input.steps
    .map((s) => ({ ...s, keys: s.keys.filter((k) => k !== 'so'), params: { ...s.params, so: undefined } }))
    .filter((s) => s.keys.length > 0 || s.layers.length > 0);
  if (rest.length === 0) return { data: frame, mime: 'image/jpeg' };
  const result = await renderImage({ input: frame, steps: rest, accept: input.accept, env: input.env, avifEnabled: input.avifEnabled, limits: input.imageLimits, signal: input.signal });
  return { data: result.data, mime: result.mime };
}
