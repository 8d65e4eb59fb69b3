import { TransformationError, type Step, type StepParams } from '../../../shared/transformations/index.js';
import type { Encoders } from './encoders.js';

export type Container = 'mp4' | 'webm';

/** What a video render writes: container, codecs (or none) and the quality figure for the encoder. */
export interface VideoOutput {
  container: Container;
  mime: string;
  videoCodec: 'h264' | 'vp9' | 'av1' | 'none';
  audioCodec: 'aac' | 'opus' | 'none';
  /** ImageKit's q (1–100) when given; each encoder maps it to its own scale. */
  quality: number | undefined;
  /** The container came from the Accept header (f-auto or no f): the response varies by Accept. */
  negotiated: boolean;
}

type OutputKeys = 'f' | 'q' | 'vc' | 'ac';

/** Output parameters may sit in any chain step; the last one written wins (as for images). */
export function videoOutputParams(steps: Step[]): Pick<StepParams, OutputKeys> {
  const out: Pick<StepParams, OutputKeys> = {};
  for (const { params } of steps) {
    for (const key of ['f', 'q', 'vc', 'ac'] as const) if (params[key] !== undefined) Object.assign(out, { [key]: params[key] });
  }
  return out;
}

/** f-auto on video: WebM when the client lists video/webm, otherwise MP4, which every player plays. */
export function negotiatedContainer(accept: string): Container {
  return accept.toLowerCase().split(',').some((part) => part.trim().split(';')[0] === 'video/webm') ? 'webm' : 'mp4';
}

/**
 * Picks container and codecs. MP4 defaults to H.264/AAC, WebM to VP9/Opus (what ImageKit reports for
 * f-webm); codecs WebM cannot carry (H.264, AAC) are refused rather than silently replaced.
 */
export function chooseVideoOutput(params: Pick<StepParams, OutputKeys>, accept: string, hasAudio: boolean, encoders: Encoders): VideoOutput {
  const f = params.f ?? 'auto';
  if (f !== 'auto' && f !== 'mp4' && f !== 'webm') {
    throw new TransformationError('f', `f-${f} is an image format; a video is delivered as f-mp4, f-webm or f-auto. For a still frame use <video>/ik-thumbnail.jpg.`);
  }
  const container: Container = f === 'auto' ? negotiatedContainer(accept) : f;
  const videoCodec = params.vc ?? (container === 'webm' ? 'vp9' : 'h264');
  let audioCodec = params.ac ?? (container === 'webm' ? 'opus' : 'aac');
  if (container === 'webm' && videoCodec === 'h264') throw new TransformationError('vc', 'vc-h264 cannot be delivered as WebM; use f-mp4, or vc-vp9 / vc-av1 with f-webm.');
  if (container === 'webm' && audioCodec === 'aac') throw new TransformationError('ac', 'ac-aac cannot be delivered as WebM; use ac-opus or f-mp4.');
  if (videoCodec === 'av1' && !encoders.av1) {
    throw new TransformationError('vc', 'vc-av1: the ffmpeg this emulator uses has no AV1 encoder (libsvtav1, libaom-av1 or librav1e); use vc-h264 or vc-vp9, or point MEDIADESK_FFMPEG at an ffmpeg with one.');
  }
  if (!hasAudio) audioCodec = 'none';
  if (videoCodec === 'none' && audioCodec === 'none') {
    throw new TransformationError('vc', 'vc-none keeps only the sound, and this output has none (ac-none, or a video without audio).');
  }
  const kind = videoCodec === 'none' ? 'audio' : 'video';
  return { container, mime: `${kind}/${container}`, videoCodec, audioCodec, quality: params.q, negotiated: f === 'auto' };
}

const crf = (quality: number | undefined, best: number, spread: number, fallback: number, max: number) =>
  quality === undefined ? fallback : Math.min(max, Math.round(best + (100 - quality) * spread));

/**
 * Encoder arguments. Speed-leaning presets (x264 veryfast, VP9 realtime/cpu-used 8, SVT-AV1 preset 10):
 * the emulator answers on a laptop, not a render farm. q maps linearly onto each encoder's CRF scale
 * (q-100 → best, q-1 → worst); without q each encoder's usual default is used.
 */
export function encoderArgs(out: VideoOutput, encoders: Encoders): string[] {
  const args: string[] = [];
  switch (out.videoCodec) {
    case 'none':
      args.push('-vn');
      break;
    case 'h264':
      args.push('-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(crf(out.quality, 18, 0.33, 23, 51)), '-pix_fmt', 'yuv420p');
      break;
    case 'vp9':
      args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1', '-b:v', '0', '-crf', String(crf(out.quality, 15, 0.48, 32, 63)), '-pix_fmt', 'yuv420p');
      break;
    case 'av1': {
      const q = String(crf(out.quality, 15, 0.48, 35, 63));
      if (encoders.av1 === 'libsvtav1') args.push('-c:v', 'libsvtav1', '-preset', '10', '-crf', q);
      else if (encoders.av1 === 'libaom-av1') args.push('-c:v', 'libaom-av1', '-cpu-used', '8', '-row-mt', '1', '-b:v', '0', '-crf', q);
      else args.push('-c:v', 'librav1e', '-speed', '10', '-qp', String(Math.round(Number(q) * 4)));
      args.push('-pix_fmt', 'yuv420p');
      break;
    }
  }
  switch (out.audioCodec) {
    case 'none':
      args.push('-an');
      break;
    case 'aac':
      args.push('-c:a', 'aac', '-b:a', '128k');
      break;
    case 'opus':
      // libopus when built in; ffmpeg's own Opus encoder otherwise (it is marked experimental).
      args.push('-c:a', encoders.opus ?? 'opus', '-b:a', '96k', '-ac', '2');
      if (!encoders.opus || out.container === 'mp4') args.push('-strict', '-2');
      break;
  }
  if (out.container === 'mp4') args.push('-movflags', '+faststart', '-f', 'mp4');
  else args.push('-f', 'webm');
  return args;
}
