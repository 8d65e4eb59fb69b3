import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TransformationError, type Step } from '../../../shared/transformations/index.js';
import { checkVideoBudget } from './budget.js';
import { runTool } from './run-tool.js';
import { even, inputsFor, prepareGraph, type VideoRenderInput } from './transcode.js';

/** Segment length in seconds; keyframes every 2 s in every rendition keep segments aligned for switching. */
const SEGMENT_SECONDS = 4;
const KEYFRAME_SECONDS = 2;

/** Target video bitrate per rendition height (kbit/s), a common streaming ladder. */
const LADDER_KBPS: Record<number, number> = { 240: 400, 360: 800, 480: 1200, 720: 2500, 1080: 5000, 1440: 9000, 2160: 16000 };

export interface Rendition {
  height: number;
  width: number;
  kbps: number;
}

export interface AbsPackage {
  /** The manifest as ffmpeg (or, for HLS, the emulator) wrote it, with part names relative to it. */
  manifest: string;
  /** Every other file of the stream, by name. */
  parts: Map<string, Buffer>;
}

/** `sr-…` of the last step that has one; the other steps (trim, crop, layers, q) shape every rendition. */
export function streamingResolutions(steps: Step[]): number[] {
  const sr = [...steps].reverse().find((s) => s.params.sr !== undefined)?.params.sr;
  if (!sr) throw new TransformationError('sr', 'An adaptive streaming manifest (ik-master.m3u8 / ik-master.mpd) needs the renditions, e.g. ?tr=sr-240_360_480_720_1080.');
  return [...sr].sort((a, b) => a - b);
}

/**
 * Encodes every rendition in one ffmpeg run and packages it as HLS or DASH, both with fragmented-MP4
 * segments (HLS version 7), which every current player and ffmpeg/ffprobe build reads.
 */
export async function packageAbs(input: VideoRenderInput, protocol: 'hls' | 'dash'): Promise<AbsPackage> {
  const heights = streamingResolutions(input.steps);
  for (const [key, value] of [['f', input.steps.find((s) => s.params.f)?.params.f], ['vc', input.steps.find((s) => s.params.vc)?.params.vc], ['ac', input.steps.find((s) => s.params.ac)?.params.ac]] as const) {
    if (value !== undefined) throw new TransformationError(key, `${key}-${value} does not apply to adaptive streams: the emulator streams H.264 video with AAC sound.`);
  }
  const steps = input.steps.map((s) => ({ ...s, keys: s.keys.filter((k) => k !== 'sr') }));
  const prepared = await prepareGraph(input, steps);
  const base = prepared.size;
  const renditions: Rendition[] = heights.map((height) => ({ height, width: even(Math.round((base.width * height) / base.height)), kbps: LADDER_KBPS[height] ?? 2500 }));
  const seconds = prepared.window.end - prepared.window.start;
  checkVideoBudget(input.limits, { width: input.facts.width ?? 0, height: input.facts.height ?? 0 }, renditions, seconds);
  const branches = prepared.graph.split(renditions.length).map((label, i) => prepared.graph.branch(label, [`scale=${renditions[i].width}:${renditions[i].height}`, 'setsar=1']));
  const hasAudio = input.facts.audioCodec !== null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-abs-'));
  try {
    const common = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...(await inputsFor(input, prepared, dir)), '-filter_complex', prepared.graph.toString()];
    const video = (i: number) => [
      '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', `${renditions[i].kbps}k`, '-maxrate', `${Math.round(renditions[i].kbps * 1.1)}k`, '-bufsize', `${renditions[i].kbps * 2}k`,
      '-force_key_frames', `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`, '-sc_threshold', '0',
    ];
    const audio = hasAudio ? ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'] : ['-an'];
    const args = [...common];
    if (protocol === 'hls') {
      // One HLS output per rendition (ffmpeg's var_stream_map crashes in some builds); the master is written here.
      branches.forEach((label, i) => {
        args.push('-map', `[${label}]`, ...(hasAudio ? ['-map', '0:a:0'] : []), ...video(i), ...audio, '-map_metadata', '-1');
        args.push('-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', `v${i}_init.mp4`);
        args.push('-hls_segment_filename', path.join(dir, `v${i}_%03d.m4s`), path.join(dir, `v${i}.m3u8`));
      });
    } else {
      branches.forEach((label) => args.push('-map', `[${label}]`));
      if (hasAudio) args.push('-map', '0:a:0');
      branches.forEach((_, i) => args.push(...video(i).map((a) => (a.startsWith('-') && ['-b:v', '-maxrate', '-bufsize', '-c:v'].includes(a) ? `${a}:${i}` : a))));
      args.push(...audio, '-map_metadata', '-1', '-f', 'dash', '-seg_duration', String(SEGMENT_SECONDS), '-use_template', '1', '-use_timeline', '1');
      args.push('-adaptation_sets', hasAudio ? 'id=0,streams=v id=1,streams=a' : 'id=0,streams=v');
      args.push('-init_seg_name', 'init-$RepresentationID$.m4s', '-media_seg_name', 'chunk-$RepresentationID$-$Number%05d$.m4s', path.join(dir, 'manifest.mpd'));
    }
    await runTool(input.tools.ffmpeg.path, args, { signal: input.signal, cwd: dir });
    const parts = new Map<string, Buffer>();
    for (const name of await readdir(dir)) {
      if (name === 'manifest.mpd' || name.startsWith('layer-')) continue;
      parts.set(name, await readFile(path.join(dir, name)));
    }
    const manifest = protocol === 'dash' ? await readFile(path.join(dir, 'manifest.mpd'), 'utf8') : hlsMaster(renditions, parts, hasAudio);
    return { manifest, parts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The HLS master playlist: one variant per rendition, BANDWIDTH measured as the peak segment bitrate. */
function hlsMaster(renditions: Rendition[], parts: Map<string, Buffer>, hasAudio: boolean): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  renditions.forEach((r, i) => {
    const playlist = parts.get(`v${i}.m3u8`)?.toString('utf8') ?? '';
    let peak = 0;
    let total = 0;
    let seconds = 0;
    const entries = playlist.split('\n');
    entries.forEach((line, at) => {
      const m = /^#EXTINF:([\d.]+)/.exec(line);
      const segment = m ? parts.get(entries[at + 1]?.trim() ?? '') : undefined;
      if (!m || !segment) return;
      const bits = segment.length * 8;
      peak = Math.max(peak, bits / Math.max(0.1, Number(m[1])));
      total += bits;
      seconds += Number(m[1]);
    });
    const average = seconds > 0 ? total / seconds : r.kbps * 1000;
    const codecs = hasAudio ? 'avc1.640028,mp4a.40.2' : 'avc1.640028';
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${Math.round(peak || average)},AVERAGE-BANDWIDTH=${Math.round(average)},RESOLUTION=${r.width}x${r.height},CODECS="${codecs}"`);
    lines.push(`v${i}.m3u8`);
  });
  return lines.join('\n') + '\n';
}
