import { describe, expect, it } from 'vitest';
import { describeFailure, renditionLabel } from '../../src/features/url-builder/stream-playback';

describe('stream player words', () => {
  it('labels a rendition with what the manifest states', () => {
    expect(renditionLabel({ height: 480, width: 854, bitrate: 1_234_000 })).toBe('480p · 854 × 480 · 1,234 kbit/s');
    expect(renditionLabel({ height: 240 })).toBe('240p');
  });

  it('says which file failed, why, and what to do', () => {
    expect(describeFailure({ type: 'networkError', details: 'fragLoadError', code: 401, text: 'EPERM - private' })).toBe(
      'The stream’s segment did not load (HTTP 401: EPERM - private). A private video’s stream plays only from a signed URL: tick Signed URL, or check that it has not expired.',
    );
    expect(describeFailure({ type: 'networkError', details: 'levelLoadError', code: 404 })).toMatch(/^The stream’s rendition playlist did not load \(HTTP 404\)\. It is no longer there/);
    expect(describeFailure({ type: 'networkError', details: 'manifestLoadError', code: 0, text: 'Could not load the stream file: refused.' })).toBe(
      'The stream’s manifest did not load (Could not load the stream file: refused.).',
    );
    expect(describeFailure({ type: 'networkError', details: 'manifestLoadTimeOut' })).toMatch(/did not arrive in time/);
    expect(describeFailure({ type: 'mediaError', details: 'bufferAppendError' })).toMatch(/could not decode the stream \(bufferAppendError\)/);
    expect(describeFailure({ type: 'otherError', details: 'internalException', text: 'boom' })).toBe('The player stopped (internalException: boom).');
  });
});
