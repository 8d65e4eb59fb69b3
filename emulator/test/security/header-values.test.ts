import { describe, expect, it } from 'vitest';
import { headerValue, headerValues } from '../../src/http/header-values.js';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from '../delivery/http-helpers.js';
import { solid } from '../delivery/pixels.js';

describe('headerValue', () => {
  it('keeps a plain message as it is', () => {
    expect(headerValue('UNIDENTIFIED - unsupported or corrupt image')).toBe('UNIDENTIFIED - unsupported or corrupt image');
  });

  it('puts a multi-line libvips message on one line', () => {
    expect(headerValue('The image could not be processed: VipsJpeg: Premature end of input file\nVipsJpeg: out of order read\r\n')).toBe(
      'The image could not be processed: VipsJpeg: Premature end of input file VipsJpeg: out of order read',
    );
  });

  it('replaces characters a header cannot carry, and cuts a long value', () => {
    expect(headerValue('Layer image "/✓ ü\u0000.jpg"')).toBe('Layer image "/? ü .jpg"');
    expect(headerValue('The output frame 8000×8000 exceeds the limit')).toBe('The output frame 8000×8000 exceeds the limit');
    const long = headerValue(`x${'y'.repeat(2000)}`);
    expect(long).toHaveLength(512);
    expect(long.endsWith('...')).toBe(true);
    expect(headerValues({ 'ik-error': 'a\nb', 'content-type': 'application/json' })).toEqual({ 'ik-error': 'a b', 'content-type': 'application/json' });
  });
});

describe('error headers built from request text', () => {
  const emu = withEmulator();
  // The layer path is echoed into ik-error: with a character outside Latin-1 or a line break, Node
  // refused the header (ERR_INVALID_CHAR) and a request anyone can send got a 500 instead of a 400.
  it.each([
    ['a layer named with a character beyond Latin-1', 'l-image,i-%E2%9C%93.jpg,l-end', 'EINVALIDTRANSFORMATION - i: Layer image "/?.jpg" was not found in the media library.', '/✓.jpg'],
    ['a layer name with a line break', 'l-image,i-a%0Ab.jpg,l-end', 'EINVALIDTRANSFORMATION - i: Layer image "/a b.jpg" was not found in the media library.', '/a\nb.jpg'],
  ])('%s answers 400 with a one-line ik-error, and the body keeps the name as given', async (_label, tr, ikError, named) => {
    await uploadImage(emu.current, 'base.jpg', await solid(60, 40, [10, 200, 30], 'jpeg'));
    const r = await get(`${emu.current.urlEndpoint}/base.jpg?tr=${tr}`);
    expect(r.status).toBe(400);
    expect(r.headers.get('ik-error')).toBe(ikError);
    expect((JSON.parse(r.body.toString()) as { message: string }).message).toBe(`Layer image "${named}" was not found in the media library.`);
  });
});
