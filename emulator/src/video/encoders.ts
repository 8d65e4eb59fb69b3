import type { MediaTools } from './ffmpeg-locator.js';
import { runTool } from './run-tool.js';

/** Which encoders the located ffmpeg has (builds differ: the npm static build, Debian's, a user's own). */
export interface Encoders {
  /** Fastest AV1 encoder present, if any. */
  av1?: 'libsvtav1' | 'libaom-av1' | 'librav1e';
  /** libopus when present (ffmpeg's native `opus` encoder is the fallback). */
  opus?: 'libopus';
  h264: boolean;
  vp9: boolean;
}

const cache = new Map<string, Promise<Encoders>>();

/** Reads `ffmpeg -encoders` once per executable. */
export function encodersOf(tools: MediaTools): Promise<Encoders> {
  let hit = cache.get(tools.ffmpeg.path);
  if (!hit) {
    hit = runTool(tools.ffmpeg.path, ['-hide_banner', '-encoders'], { timeoutMs: 20_000 }).then((out) => {
      const names = new Set(out.toString('utf8').split('\n').map((line) => line.trim().split(/\s+/)[1]).filter(Boolean));
      const av1 = (['libsvtav1', 'libaom-av1', 'librav1e'] as const).find((n) => names.has(n));
      return { av1, opus: names.has('libopus') ? 'libopus' : undefined, h264: names.has('libx264'), vp9: names.has('libvpx-vp9') };
    });
    hit.catch(() => cache.delete(tools.ffmpeg.path));
    cache.set(tools.ffmpeg.path, hit);
  }
  return hit;
}
