import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EncoderMissing, mediaTools } from './ffmpeg-locator.js';
import { probeVideo } from './probe.js';

/**
 * ImageKit's `VideoMetadata` of rendered video bytes (metadata of a transformed video URL):
 * width, height, bitRate, duration (whole seconds), codecs and size; undefined when ffprobe cannot read them.
 */
export async function videoMetadataOfBytes(data: Buffer): Promise<Record<string, unknown> | undefined> {
  const tools = mediaTools();
  if (tools instanceof EncoderMissing) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-meta-'));
  try {
    const file = path.join(dir, 'render');
    await writeFile(file, data);
    const facts = await probeVideo(tools, file);
    if (!facts) return undefined;
    const out: Record<string, unknown> = {};
    if (facts.height !== null) out.height = facts.height;
    if (facts.width !== null) out.width = facts.width;
    if (facts.bitRate !== null) out.bitRate = facts.bitRate;
    out.duration = Math.round(facts.duration);
    if (facts.audioCodec) out.audioCodec = facts.audioCodec;
    if (facts.videoCodec) out.videoCodec = facts.videoCodec;
    return { ...out, size: data.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
