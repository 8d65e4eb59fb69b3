// The builder's video outputs as ImageKit documents them: derived paths (ik-thumbnail.jpg, ik-master.m3u8/.mpd),
// which parameters each output takes, the poster copied from a video's chain, and the stream's sr- step.
import { describe, expect, it } from 'vitest';
import { parseTransformation } from './index.js';
import {
  isVideoPath,
  normaliseRenditions,
  OUTPUT_KEYS,
  posterSteps,
  splitStreamSteps,
  splitVideoSrc,
  streamSteps,
  videoOutputSrc,
} from './video-urls.js';

describe('video paths', () => {
  it('recognises videos by extension, ignoring case, query and fragment', () => {
    expect(isVideoPath('/clips/a.MP4')).toBe(true);
    expect(isVideoPath('https://ik.imagekit.io/demo/a.webm?ik-s=1#x')).toBe(true);
    expect(isVideoPath('/a.mov')).toBe(true);
    expect(isVideoPath('/a.jpg')).toBe(false);
    expect(isVideoPath('/mp4')).toBe(false);
    expect(isVideoPath('/a.mp4/ik-thumbnail.jpg')).toBe(false);
  });

  it('splits ImageKit derived names into the video and the output, and writes them back', () => {
    expect(splitVideoSrc('/v/a.mp4/ik-thumbnail.jpg')).toEqual({ videoPath: '/v/a.mp4', output: 'thumbnail' });
    expect(splitVideoSrc('/a.mp4/ik-master.m3u8')).toEqual({ videoPath: '/a.mp4', output: 'hls' });
    expect(splitVideoSrc('https://x.test/a.mp4/ik-master.mpd?v=2')).toEqual({ videoPath: 'https://x.test/a.mp4?v=2', output: 'dash' });
    // A bare derived name is not a video's output; ik-video.mp4 stays part of the path.
    expect(splitVideoSrc('/ik-thumbnail.jpg')).toBeUndefined();
    expect(splitVideoSrc('/a/ik-video.mp4')).toBeUndefined();
    expect(videoOutputSrc('/a.mp4', 'thumbnail')).toBe('/a.mp4/ik-thumbnail.jpg');
    expect(videoOutputSrc('/a.mp4/', 'hls')).toBe('/a.mp4/ik-master.m3u8');
    expect(videoOutputSrc('https://x.test/a.mp4?v=2', 'dash')).toBe('https://x.test/a.mp4/ik-master.mpd?v=2');
    expect(videoOutputSrc('/a.mp4', 'video')).toBe('/a.mp4');
  });

  it('offers on each output only parameters the catalog knows, and format/codecs not on streams', () => {
    for (const keys of Object.values(OUTPUT_KEYS)) for (const key of keys) expect(() => parseTransformation(`${key}-1`)).not.toThrow(/unknown/i);
    expect([...OUTPUT_KEYS.video].sort()).toEqual(['ac', 'ar', 'bg', 'c', 'cm', 'du', 'eo', 'f', 'fo', 'h', 'q', 'rt', 'so', 'vc', 'w'].sort());
    expect(OUTPUT_KEYS.hls.has('f')).toBe(false);
    expect(OUTPUT_KEYS.thumbnail.has('du')).toBe(false);
    expect(OUTPUT_KEYS.thumbnail.has('so')).toBe(true);
  });
});

describe('poster', () => {
  it('keeps size, crop and the trim start (as the frame time); drops format, codecs, quality and trim ends', () => {
    const steps = [{ height: '480', crop: 'at_max', startOffset: '2', duration: '3', format: 'webm', videoCodec: 'vp9', quality: '60', rotation: '90' }];
    expect(posterSteps(steps)).toEqual([{ height: '480', crop: 'at_max', startOffset: '2' }]);
  });

  it('keeps a layer that shows at the first frame (without its timing) and drops one that starts later', () => {
    const early = { type: 'text' as const, text: 'Hi', timing: { start: '0', duration: '2' } };
    const late = { type: 'text' as const, text: 'Later', timing: { start: '3' } };
    expect(posterSteps([{ width: '640', overlay: early }, { overlay: late }])).toEqual([{ width: '640', overlay: { type: 'text', text: 'Hi' } }]);
  });

  it('leaves out crop values a thumbnail does not take, and empty boxes', () => {
    expect(posterSteps([{ width: '', cropMode: 'pad_extract' }])).toEqual([]);
  });
});

describe('adaptive stream chain', () => {
  it('puts sr- with sorted, allowed heights in the last step and drops format, codecs and quality', () => {
    expect(streamSteps([{ width: '640', format: 'webm' }, { startOffset: '1', quality: '50' }], [720, '240', 480, 999, 240])).toEqual([
      { width: '640' },
      { startOffset: '1', streamingResolutions: ['240', '480', '720'] },
    ]);
    expect(streamSteps([{ format: 'mp4' }], [360])).toEqual([{ streamingResolutions: ['360'] }]);
    expect(streamSteps([], [])).toEqual([]);
  });

  it('reads sr- back out of a pasted chain', () => {
    expect(splitStreamSteps([{ width: '640' }, { streamingResolutions: ['480', '240'] }])).toEqual({ steps: [{ width: '640' }], heights: [240, 480] });
    expect(splitStreamSteps([{ streamingResolutions: '240_1080' }])).toEqual({ steps: [], heights: [240, 1080] });
    expect(normaliseRenditions(['2160', ' 240', 'abc', '100'])).toEqual([240, 2160]);
  });
});
