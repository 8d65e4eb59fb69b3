import { describe, expect, it } from 'vitest';
import { inferUrlEndpoint } from '../../../shared/url/foreign-endpoint';

describe('inferUrlEndpoint', () => {
  it('reads the ImageKit id of an ik.imagekit.io URL, path or query style', () => {
    expect(inferUrlEndpoint('https://ik.imagekit.io/demo/tr:w-300,h-200/photos/a.jpg')).toBe('https://ik.imagekit.io/demo');
    expect(inferUrlEndpoint('https://ik.imagekit.io/demo/photos/a.jpg?tr=w-300')).toBe('https://ik.imagekit.io/demo');
  });

  it('takes everything before a tr: segment as a custom domain’s endpoint', () => {
    expect(inferUrlEndpoint('https://img.example.com/tr:w-10/a.jpg')).toBe('https://img.example.com');
    expect(inferUrlEndpoint('https://cdn.example.com/media/tr:w-10/a/b.jpg')).toBe('https://cdn.example.com/media');
  });

  it('says nothing when the URL does not tell its endpoint', () => {
    expect(inferUrlEndpoint('https://cdn.example.com/img/a.jpg?v=1')).toBeUndefined();
    expect(inferUrlEndpoint('https://ik.imagekit.io/demo')).toBeUndefined();
    expect(inferUrlEndpoint('not a url')).toBeUndefined();
    expect(inferUrlEndpoint('ftp://ik.imagekit.io/demo/a.jpg')).toBeUndefined();
    expect(inferUrlEndpoint('https://ik.imagekit.io/demo/tr:w-10')).toBe('https://ik.imagekit.io/demo');
  });
});
