import { DEMUXERS } from './input-args.js';
import type { MediaTools } from './ffmpeg-locator.js';
import { runTool } from './run-tool.js';

/** What ffprobe tells about a video (or audio) file, in the units ImageKit reports. */
export interface VideoFacts {
  /** Display size: a clip recorded with a 90° rotation reports its upright width and height. */
  width: number | null;
  height: number | null;
  /** Seconds (fractional; responses round to ImageKit's integer seconds). */
  duration: number;
  /** Bits per second of the whole file. */
  bitRate: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  /** Clockwise rotation the player applies (0, 90, 180, 270). */
  rotation: number;
  frameRate: number | null;
  /** ffprobe's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number | string }[];
  disposition?: { attached_pic?: number };
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string; size?: string };
}

const finite = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) ? n : undefined;
};

function rate(text: string | undefined): number | null {
  const [a, b] = (text ?? '').split('/').map(Number);
  return a > 0 && b > 0 ? a / b : null;
}

/** Rotation from the display matrix (ffprobe 5+) or the legacy `rotate` tag, as a clockwise multiple of 90. */
function rotationOf(stream: ProbeStream): number {
  const fromMatrix = finite(stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation);
  // The display matrix gives the counter-clockwise angle to undo; the tag gives the clockwise one.
  const degrees = fromMatrix !== undefined ? -fromMatrix : (finite(stream.tags?.rotate) ?? 0);
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/** Reads ffprobe's JSON; undefined when the file has neither a video nor an audio stream. */
export function factsFromProbe(out: ProbeOutput): VideoFacts | undefined {
  const streams = out.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video && !audio) return undefined;
  const duration = finite(out.format?.duration) ?? finite(video?.duration) ?? finite(audio?.duration) ?? 0;
  const rotation = video ? rotationOf(video) : 0;
  const swap = rotation === 90 || rotation === 270;
  const width = video?.width ?? null;
  const height = video?.height ?? null;
  let bitRate = finite(out.format?.bit_rate) ?? null;
  const size = finite(out.format?.size);
  if (bitRate === null && size !== undefined && duration > 0) bitRate = Math.round((size * 8) / duration);
  return {
    width: swap ? height : width,
    height: swap ? width : height,
    duration,
    bitRate: bitRate === null ? null : Math.round(bitRate),
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    rotation,
    frameRate: video ? (rate(video.avg_frame_rate) ?? rate(video.r_frame_rate)) : null,
    container: out.format?.format_name ?? '',
  };
}

/** Probes a file with ffprobe (only the safe demuxers); undefined when it is not audio/video ffprobe can read. */
export async function probeVideo(tools: MediaTools, file: string, signal?: AbortSignal): Promise<VideoFacts | undefined> {
  let json: Buffer;
  try {
    json = await runTool(
      tools.ffprobe.path,
      ['-v', 'error', '-protocol_whitelist', 'file', '-format_whitelist', DEMUXERS, '-print_format', 'json', '-show_format', '-show_streams', `file:${file}`],
      { signal, timeoutMs: 30_000, maxStdoutBytes: 4 * 1024 * 1024 },
    );
  } catch {
    return undefined; // not a container ffprobe may open, or corrupt: stored as an opaque file
  }
  try {
    return factsFromProbe(JSON.parse(json.toString('utf8')) as ProbeOutput);
  } catch {
    return undefined;
  }
}
