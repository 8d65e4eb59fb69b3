import { describe, expect, it } from 'vitest';
import {
  codecWords,
  durationWords,
  formatBitRate,
  formatDuration,
  formatTimestamp,
  isVideoFile,
  posterOffset,
  posterTransformation,
  versionNumber,
  videoThumbnailPath,
  videoThumbnailUrl,
} from './video-facts';

describe('formatDuration', () => {
  it('writes m:ss, and h:mm:ss past an hour', () => {
    expect(formatDuration(4)).toBe('0:04');
    expect(formatDuration(4.04)).toBe('0:04');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(600)).toBe('10:00');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
  it('carries a rounded 60 into the minutes instead of writing 0:60', () => {
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3599.7)).toBe('1:00:00');
  });
  it('shows a sub-second clip as 0:01 and zero as 0:00', () => {
    expect(formatDuration(0.2)).toBe('0:01');
    expect(formatDuration(0)).toBe('0:00');
  });
  it('writes nothing for missing or hostile values', () => {
    for (const bad of [null, undefined, Number.NaN, Infinity, -3]) expect(formatDuration(bad)).toBe('');
  });
  it('has words for screen readers', () => {
    expect(durationWords(4)).toBe('4 seconds');
    expect(durationWords(61)).toBe('1 minute 1 second');
    expect(durationWords(3600)).toBe('1 hour');
    expect(durationWords(0)).toBe('0 seconds');
    expect(durationWords(null)).toBe('');
  });
});

describe('formatTimestamp', () => {
  it('writes tenths of a second', () => {
    expect(formatTimestamp(2.25)).toBe('0:02.3');
    expect(formatTimestamp(65.04)).toBe('1:05.0');
    expect(formatTimestamp(-1)).toBe('0:00.0');
  });
});

describe('formatBitRate and codecWords', () => {
  it('uses kbps and Mbps', () => {
    expect(formatBitRate(128_000)).toBe('128 kbps');
    expect(formatBitRate(2_450_000)).toBe('2.45 Mbps');
    expect(formatBitRate(12_000_000)).toBe('12 Mbps');
    expect(formatBitRate(900)).toBe('900 bps');
    expect(formatBitRate(0)).toBe('');
    expect(formatBitRate(null)).toBe('');
  });
  it('names known codecs and keeps unknown ids', () => {
    expect(codecWords('h264')).toBe('H.264 (AVC)');
    expect(codecWords('AAC')).toBe('AAC');
    expect(codecWords('vp9')).toBe('VP9');
    expect(codecWords('weird_codec')).toBe('weird_codec');
    expect(codecWords(undefined)).toBe('');
  });
});

describe('isVideoFile and versionNumber', () => {
  it('trusts the mime, else the extension', () => {
    expect(isVideoFile({ mime: 'video/mp4', name: 'a.bin' })).toBe(true);
    expect(isVideoFile({ mime: 'image/jpeg', name: 'a.mp4' })).toBe(false);
    expect(isVideoFile({ mime: null, name: 'clip.MOV' })).toBe(true);
    expect(isVideoFile({ mime: null, name: 'mp4' })).toBe(false);
  });
  it('reads "Version n" only', () => {
    expect(versionNumber({ name: 'Version 3' })).toBe(3);
    expect(versionNumber({ name: 'Version three' })).toBeNull();
    expect(versionNumber({ name: 'Version 3; drop' })).toBeNull();
    expect(versionNumber(null)).toBeNull();
  });
});

describe('video thumbnail URLs', () => {
  it('puts ik-thumbnail.jpg after the video path and before its query', () => {
    expect(videoThumbnailPath('https://ik.imagekit.io/demo/a/clip.mp4')).toBe('https://ik.imagekit.io/demo/a/clip.mp4/ik-thumbnail.jpg');
    expect(videoThumbnailPath('https://x/clip.mp4?updatedAt=1')).toBe('https://x/clip.mp4/ik-thumbnail.jpg?updatedAt=1');
    expect(videoThumbnailPath('/a/clip.mp4')).toBe('/a/clip.mp4/ik-thumbnail.jpg');
  });
  it('appends tr with ? or &', () => {
    expect(videoThumbnailUrl('https://x/clip.mp4', 'so-2,w-256')).toBe('https://x/clip.mp4/ik-thumbnail.jpg?tr=so-2,w-256');
    expect(videoThumbnailUrl('https://x/clip.mp4?v=1', 'w-256')).toBe('https://x/clip.mp4/ik-thumbnail.jpg?v=1&tr=w-256');
    expect(videoThumbnailUrl('https://x/clip.mp4')).toBe('https://x/clip.mp4/ik-thumbnail.jpg');
  });
  it('keeps so- strictly inside the video, in tenths', () => {
    expect(posterOffset(2.26, 4)).toBe(2.3);
    expect(posterOffset(4, 4)).toBe(3.9);
    expect(posterOffset(99, 4.02)).toBe(4);
    expect(posterOffset(-5, 4)).toBe(0);
    expect(posterOffset(Number.NaN, 4)).toBe(0);
    expect(posterTransformation(0, 4)).toBe('');
    expect(posterTransformation(1.5, 4)).toBe('so-1.5');
    expect(posterTransformation(7, null)).toBe('so-7');
  });
});
