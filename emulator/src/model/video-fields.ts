import type { FileRecord } from './file-record.js';

/** A record ffprobe described as audio or video (probed at upload). */
export function isProbedMedia(record: FileRecord): boolean {
  return record.fileType === 'non-image' && (record.videoCodec != null || record.audioCodec != null);
}

/** A probed file with a picture: it has thumbnails (`/ik-thumbnail.jpg`) and video transformations. */
export function isProbedVideo(record: FileRecord): boolean {
  return record.fileType === 'non-image' && record.videoCodec != null;
}

/**
 * The video fields ImageKit reports on uploads, file details and metadata: `bitRate` (bits/s),
 * `duration` (whole seconds), `videoCodec`, `audioCodec`; each only when known.
 */
export function videoFields(record: FileRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (record.bitRate != null) out.bitRate = record.bitRate;
  if (record.duration !== null) out.duration = Math.round(record.duration);
  if (record.audioCodec != null) out.audioCodec = record.audioCodec;
  if (record.videoCodec != null) out.videoCodec = record.videoCodec;
  return out;
}

/** ImageKit's `metadata` object of a video: size, dimensions and the video fields (SPEC `VideoMetadata`). */
export function videoMetadata(record: FileRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (record.height !== null) out.height = record.height;
  if (record.width !== null) out.width = record.width;
  return { ...out, ...videoFields(record), size: record.size };
}

/** Probe facts (before a record exists) of a file with a picture stream. */
export function isProbedVideoFacts(facts: Pick<FileRecord, 'fileType' | 'videoCodec'>): boolean {
  return facts.fileType === 'non-image' && facts.videoCodec != null;
}
