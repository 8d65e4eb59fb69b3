import { describe, expect, it } from 'vitest';
import type { DraftState } from '../../src/features/url-builder/draft';
import { DEFAULT_RENDITIONS, modeForSource, posterDraft, streamDraft, toModeDraft, videoStateFromDraft, type VideoState } from '../../src/features/url-builder/video-draft';
import { fieldScopeFor, scopeFields } from '../../src/features/url-builder/field-scope';
import { fieldsFor } from '../../src/features/url-builder/step-fields';

const state = (over: Partial<DraftState & VideoState> = {}): DraftState & VideoState => ({
  src: '/clip.mp4',
  steps: [{ height: '480', startOffset: '1', duration: '2', format: 'webm' }],
  position: 'path',
  query: [],
  signed: false,
  expiresIn: '',
  mode: 'video',
  thumbSteps: [{ startOffset: '3', width: '300' }],
  renditions: DEFAULT_RENDITIONS,
  protocol: 'hls',
  ...over,
});

describe('video drafts', () => {
  it('builds the video, its thumbnail and its streams from the one source path', () => {
    expect(toModeDraft(state())).toMatchObject({ src: '/clip.mp4', transformation: [{ height: '480', startOffset: '1', duration: '2', format: 'webm' }], transformationPosition: 'path' });
    expect(toModeDraft(state({ mode: 'thumbnail' }))).toMatchObject({ src: '/clip.mp4/ik-thumbnail.jpg', transformation: [{ startOffset: '3', width: '300' }] });
    const stream = toModeDraft(state({ mode: 'stream', renditions: [240, 480] }));
    expect(stream).toMatchObject({ src: '/clip.mp4/ik-master.m3u8', transformationPosition: 'query', transformation: [{ height: '480', startOffset: '1', duration: '2', streamingResolutions: ['240', '480'] }] });
    expect(streamDraft(state({ mode: 'stream' }), 'dash').src).toBe('/clip.mp4/ik-master.mpd');
    expect(posterDraft(state())).toMatchObject({ src: '/clip.mp4/ik-thumbnail.jpg', transformation: [{ height: '480', startOffset: '1' }] });
  });

  it('opens videos in Video mode and images back in Image mode; a bare name keeps the mode', () => {
    expect(modeForSource('/a.webm', 'image')).toBe('video');
    expect(modeForSource('/a.webm', 'thumbnail')).toBe('thumbnail');
    expect(modeForSource('/a.png', 'stream')).toBe('image');
    expect(modeForSource('/folder/name', 'video')).toBe('video');
  });

  it('fills the builder from pasted thumbnail and stream URLs', () => {
    const current = state({ mode: 'image' });
    expect(videoStateFromDraft('/a.mp4/ik-thumbnail.jpg', [{ startOffset: '2' }], current)).toMatchObject({ src: '/a.mp4', mode: 'thumbnail', thumbSteps: [{ startOffset: '2' }] });
    expect(videoStateFromDraft('/a.mp4/ik-master.mpd', [{ width: '640', streamingResolutions: ['360', '240'] }], current)).toMatchObject({
      src: '/a.mp4',
      mode: 'stream',
      protocol: 'dash',
      renditions: [240, 360],
      steps: [{ width: '640' }],
    });
    expect(videoStateFromDraft('/a.mp4', [{ duration: '2' }], current)).toMatchObject({ src: '/a.mp4', mode: 'video', steps: [{ duration: '2' }] });
  });

  it('offers the video parameters on a video, with f- limited to mp4, webm and auto', () => {
    const fields = scopeFields(fieldsFor(undefined), fieldScopeFor('video'));
    expect(fields.map((f) => f.key).sort()).toEqual(['ac', 'ar', 'bg', 'c', 'cm', 'du', 'eo', 'f', 'fo', 'h', 'q', 'rt', 'so', 'vc', 'w']);
    expect(fields.find((f) => f.key === 'f')?.values).toEqual(['auto', 'mp4', 'webm']);
    expect(scopeFields(fieldsFor(undefined), fieldScopeFor('image')).length).toBe(fieldsFor(undefined).length);
    expect(fieldScopeFor('video').layerTiming).toBe(true);
    expect(fieldScopeFor('thumbnail').layerTiming).toBe(false);
  });
});
