import { describe, expect, it } from 'vitest';
import { checkPurgeList, checkPurgeTarget, checkPurgeUrl, splitUrlList } from './purge-rules';

const ep = 'https://ik.imagekit.io/demo';
const reasonOf = (url: string, endpoint = ep) => {
  const check = checkPurgeUrl(url, endpoint);
  return check.ok ? undefined : check.reason;
};

describe('purge URL rules (ImageKit cache-purging docs)', () => {
  it.each([
    [`${ep}/default-image.jpg`, 'exact'],
    [`${ep}/tr:w-300,h-300/folder/a.jpg`, 'exact'],
    [`${ep}/folder/a.jpg?tr=w-100`, 'exact'],
    [`${ep}/images/upload*`, 'wildcard'], // two levels of nesting
    [`${ep}/LEVEL_1/LEVEL_2*`, 'wildcard'],
    [`${ep}/FIFTEEN_CHARACTERS*`, 'wildcard'], // 15+ characters
    [`${ep}/sample.jpg*`, 'wildcard'], // a complete file path with extension
    [`${ep}/tr:w-100/sample.jpg*`, 'wildcard'],
  ])('accepts %s', (url, kind) => {
    expect(checkPurgeUrl(url, ep)).toEqual({ url, ok: true, kind });
  });

  it('refuses a short one-level wildcard and says which rules it misses', () => {
    expect(reasonOf(`${ep}/images*`)).toMatch(/at least two levels .* at least 15 characters, or a complete file name .*"\/images" is none/);
    expect(reasonOf(`${ep}/*`)).toMatch(/is none of these/);
    expect(reasonOf(`${ep}/images/*`)).toMatch(/is none of these/); // one level: the folder itself
  });

  it('refuses a wildcard anywhere but at the very end', () => {
    expect(reasonOf(`${ep}/folder/*/sample.jpg`)).toMatch(/only once, at the very end/);
    expect(reasonOf(`${ep}/a/b**`)).toMatch(/only once, at the very end/);
  });

  it('refuses the patterns ImageKit never purges by wildcard', () => {
    expect(reasonOf(`${ep}/media/catalog/*`)).toMatch(/never accepts a wildcard on \/media\/catalog\//);
    expect(reasonOf(`${ep}/s/files/*`)).toMatch(/\/s\/files\//);
    expect(checkPurgeUrl(`${ep}/media/catalog/product/a.jpg*`, ep).ok).toBe(true);
  });

  it('measures the wildcard path after the URL endpoint, including its own path pattern', () => {
    const withPattern = 'https://ik.imagekit.io/demo/pattern';
    expect(reasonOf(`${withPattern}/images*`, withPattern)).toMatch(/none of these/);
    expect(checkPurgeUrl(`${withPattern}/images/upload*`, withPattern).ok).toBe(true);
  });

  it('refuses URLs that are not under the profile’s endpoint or not URLs at all', () => {
    expect(reasonOf('not a url')).toMatch(/not a web address/);
    expect(reasonOf('ftp://ik.imagekit.io/demo/a.jpg')).toMatch(/not a web address/);
    expect(reasonOf('https://ik.imagekit.io/other/a.jpg')).toBe("The URL is not under this profile's URL endpoint (https://ik.imagekit.io/demo/…).");
    expect(reasonOf('https://ik.imagekit.io/demoX/a.jpg')).toMatch(/not under/);
    expect(reasonOf(ep)).toMatch(/not under/);
    expect(reasonOf(`${ep}/`)).toMatch(/names no file/);
    expect(reasonOf(`${ep}/tr:w-100/`)).toMatch(/names no file/);
    expect(reasonOf(`${ep}/a.jpg#x`)).toMatch(/#fragment/);
    expect(reasonOf(`${ep}/my file.jpg`)).toMatch(/space/);
    expect(reasonOf(`${ep}/${'a'.repeat(2100)}.jpg`)).toMatch(/longer than 2048/);
  });

  it('refuses a path that dot segments would take out of the endpoint', () => {
    expect(reasonOf(`${ep}/../other/a.jpg`)).toMatch(/not under/);
    expect(reasonOf(`${ep}/%2e%2e/other/a.jpg`)).toMatch(/not under/);
    expect(checkPurgeUrl(`${ep}/a/../b.jpg`, ep).ok).toBe(true);
  });

  it('keeps the wildcard nesting rules out of the target rules ImageKit applies to its own rename purges', () => {
    expect(checkPurgeTarget(`${ep}/docs*`, ep)).toEqual({ url: `${ep}/docs*`, ok: true, kind: 'wildcard' });
    expect(reasonOf(`${ep}/docs*`)).toMatch(/none of these/);
    expect(checkPurgeTarget(`${ep}/docs/*/a.jpg`, ep).ok).toBe(false);
    expect(checkPurgeTarget('https://ik.imagekit.io/other/a.jpg*', ep).ok).toBe(false);
  });

  it('works for a local emulator endpoint over http', () => {
    expect(checkPurgeUrl('http://127.0.0.1:4000/local/a/b.png', 'http://127.0.0.1:4000/local/').ok).toBe(true);
  });
});

describe('purge lists', () => {
  it('splits a pasted list by line, ignoring blank lines and surrounding spaces', () => {
    expect(splitUrlList(` ${ep}/a.jpg \r\n\n${ep}/b.jpg\n   \n`)).toEqual([`${ep}/a.jpg`, `${ep}/b.jpg`]);
  });

  it('separates valid, refused and duplicate URLs', () => {
    const list = [`${ep}/a.jpg`, `${ep}/x*`, `${ep}/a.jpg`, `${ep}/b.jpg`];
    expect(checkPurgeList(list, ep)).toEqual({
      valid: [`${ep}/a.jpg`, `${ep}/b.jpg`],
      refused: [{ url: `${ep}/x*`, reason: expect.stringMatching(/none of these/) }],
      duplicates: [`${ep}/a.jpg`],
    });
  });
});
