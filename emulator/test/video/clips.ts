import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireMediaTools } from '../../src/video/ffmpeg-locator.js';
import { runTool } from '../../src/video/run-tool.js';

/**
 * Tiny clips made at test time from ffmpeg's own lavfi sources (`testsrc2`, `color`, `sine`), so the
 * suite carries no media files and stays fast.
 */
export interface ClipOptions {
  width?: number;
  height?: number;
  seconds?: number;
  fps?: number;
  /** Container by extension: mp4 (H.264/AAC), webm (VP9/Opus), mov (H.264/AAC), mkv (H.264/Opus). */
  ext?: 'mp4' | 'webm' | 'mov' | 'mkv';
  audio?: boolean;
  /** Video made of solid colour segments, e.g. [['red', 1], ['blue', 1]]: the colour changes at t=1 s. */
  colors?: [string, number][];
}

const CODECS: Record<NonNullable<ClipOptions['ext']>, string[]> = {
  mp4: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
  mov: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
  mkv: ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'libopus'],
  webm: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-pix_fmt', 'yuv420p', '-c:a', 'libopus'],
};

export async function makeClip(options: ClipOptions = {}): Promise<Buffer> {
  const { width = 320, height = 240, fps = 25, ext = 'mp4', audio = true } = options;
  const tools = requireMediaTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-clip-'));
  const out = path.join(dir, `clip.${ext}`);
  const size = `${width}x${height}`;
  const inputs: string[] = [];
  let filter: string;
  let seconds: number;
  if (options.colors) {
    seconds = options.colors.reduce((sum, [, d]) => sum + d, 0);
    options.colors.forEach(([color, d]) => inputs.push('-f', 'lavfi', '-i', `color=c=${color}:size=${size}:rate=${fps}:duration=${d}`));
    filter = `${options.colors.map((_, i) => `[${i}:v]`).join('')}concat=n=${options.colors.length}:v=1:a=0[v]`;
  } else {
    seconds = options.seconds ?? 2;
    inputs.push('-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=${seconds}`);
    filter = '[0:v]null[v]';
  }
  const audioIndex = inputs.length / 4;
  if (audio) inputs.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  const maps = ['-map', '[v]', ...(audio ? ['-map', `${audioIndex}:a`] : [])];
  try {
    await runTool(tools.ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', filter, ...maps, ...CODECS[ext], ...(audio ? [] : ['-an']), '-t', String(seconds), out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** ffprobe's view of bytes (written to a temp file), for checking render outputs. */
export async function probeBytes(data: Buffer, ext = 'bin'): Promise<{ streams: Record<string, unknown>[]; format: Record<string, unknown> }> {
  const tools = requireMediaTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-probe-'));
  const file = path.join(dir, `out.${ext}`);
  try {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, data);
    const json = await runTool(tools.ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
    return JSON.parse(json.toString('utf8')) as { streams: Record<string, unknown>[]; format: Record<string, unknown> };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The frame at `seconds` of encoded video bytes, as raw RGB pixels (ffmpeg decodes, sharp reads). */
export async function frameAt(data: Buffer, ext: string, seconds: number): Promise<{ data: Buffer; width: number; height: number }> {
  const tools = requireMediaTools();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-frame-'));
  const file = path.join(dir, `in.${ext}`);
  try {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, data);
    const png = await runTool(tools.ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-']);
    const sharp = (await import('sharp')).default;
    const { data: raw, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data: raw, width: info.width, height: info.height };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Mean RGB of a decoded image or frame. */
export function meanColor(img: { data: Buffer; width: number; height: number }, channels = 3): [number, number, number] {
  const sum = [0, 0, 0];
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) sum[c] += img.data[i * channels + c];
  return sum.map((s) => Math.round(s / n)) as [number, number, number];
}

/** How many pixels are brighter than `threshold` on every channel (text drawn in white on black). */
export function brightPixels(img: { data: Buffer; width: number; height: number }, threshold = 200): number {
  let count = 0;
  for (let i = 0; i < img.width * img.height; i++) if (img.data[i * 3] > threshold && img.data[i * 3 + 1] > threshold && img.data[i * 3 + 2] > threshold) count++;
  return count;
}
