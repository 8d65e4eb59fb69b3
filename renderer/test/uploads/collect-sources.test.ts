import { describe, expect, it } from 'vitest';
import { collectPaste, isUploadDrag, linksOf, pastedName, walkEntry } from '../../src/features/uploads/collect-sources';
import { parseUrls } from '../../src/features/uploads/UrlDialog';
import { formatPostLines, parsePostLines } from '../../src/features/uploads/post-transformations';
import type { WindowFile } from '../../src/api/uploads';

/** A folder tree shaped like Chromium's FileSystemEntry API, with readEntries paging like the real one. */
function fakeEntry(name: string, tree: Record<string, unknown> | string): FileSystemEntry {
  if (typeof tree === 'string') {
    return { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(new File([tree], name)) } as unknown as FileSystemEntry;
  }
  const children = Object.entries(tree).map(([n, t]) => fakeEntry(n, t as Record<string, unknown> | string));
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let served = 0;
      return {
        readEntries: (ok: (e: FileSystemEntry[]) => void) => {
          const page = children.slice(served, served + 2); // pages of 2, like Chromium's pages of 100
          served += page.length;
          ok(page);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

function data(values: Record<string, string>): Pick<DataTransfer, 'getData'> {
  return { getData: (type: string) => values[type] ?? '' };
}

describe('reading drops and pastes', () => {
  it('walks a dropped folder recursively, keeping each file path inside the drop', async () => {
    const out: WindowFile[] = [];
    await walkEntry(fakeEntry('album', { 'a.jpg': 'a', 'b.jpg': 'b', deep: { 'c.jpg': 'c', deeper: { 'd.jpg': 'd' } }, 'e.jpg': 'e' }), '', out);
    expect(out.map((f) => f.relativePath).sort()).toEqual(['album/a.jpg', 'album/b.jpg', 'album/deep/c.jpg', 'album/deep/deeper/d.jpg', 'album/e.jpg']);
    expect(out.find((f) => f.relativePath === 'album/deep/deeper/d.jpg')!.file.size).toBe(1);
  });

  it('takes links from a web page drag: the uri-list first, else image sources in the HTML', () => {
    expect(linksOf(data({ 'text/uri-list': '# comment\r\nhttps://x.test/a.png\r\nhttps://x.test/a.png\r\nfile:///etc/passwd' }))).toEqual(['https://x.test/a.png']);
    expect(linksOf(data({ 'text/html': '<p><img src="https://x.test/b.jpg"><img src="data:image/png;base64,AA"></p>' }))).toEqual(['https://x.test/b.jpg']);
    expect(linksOf(data({ 'text/html': '<a href="https://x.test/page">link</a>' }))).toEqual(['https://x.test/page']);
    expect(linksOf(data({}))).toEqual([]);
  });

  it('leaves drags that MediaDesk started itself to the browser (they are moves)', () => {
    expect(isUploadDrag(['Files'])).toBe(true);
    expect(isUploadDrag(['text/uri-list', 'text/plain'])).toBe(true);
    expect(isUploadDrag(['application/x-mediadesk-files', 'text/uri-list'])).toBe(false);
    expect(isUploadDrag(['text/plain'])).toBe(false);
  });

  it('names pasted images by date so two pastes do not collide, and keeps real file names', () => {
    const at = new Date('2026-03-04T05:06:07.890Z');
    expect(pastedName(new File(['x'], 'image.png', { type: 'image/png' }), at)).toBe('pasted-20260304-050607.png');
    expect(pastedName(new File(['x'], '', { type: 'image/jpeg' }), at)).toBe('pasted-20260304-050607.jpg');
    expect(pastedName(new File(['x'], 'report.pdf'), at)).toBe('report.pdf');
  });

  it('treats pasted text as links only when it is nothing but links', () => {
    const paste = (text: string) => collectPaste({ files: [] as unknown as FileList, getData: (t: string) => (t === 'text/plain' ? text : '') } as unknown as DataTransfer);
    expect(paste('https://x.test/a.png https://x.test/b.png').urls).toEqual(['https://x.test/a.png', 'https://x.test/b.png']);
    expect(paste('look at https://x.test/a.png').urls).toEqual([]);
  });
});

describe('form text parsing', () => {
  it('splits the URL dialog text and names what is not a web address', () => {
    expect(parseUrls('https://a.test/x.png\n http://b.test/y.png, https://a.test/x.png')).toEqual({ urls: ['https://a.test/x.png', 'http://b.test/y.png'], bad: [] });
    expect(parseUrls('ftp://a.test/x nope').bad).toEqual(['ftp://a.test/x', 'nope']);
  });

  it('reads post-transformation lines and writes them back the same way', () => {
    const text = 'transformation w-100\nthumbnail\ngif-to-video\nabs hls sr-240_360';
    const parsed = parsePostLines(text);
    expect(parsed).toEqual({
      ok: true,
      post: [{ type: 'transformation', value: 'w-100' }, { type: 'thumbnail' }, { type: 'gif-to-video' }, { type: 'abs', protocol: 'hls', value: 'sr-240_360' }],
    });
    expect(formatPostLines(parsed.ok ? parsed.post : [])).toBe(text);
    expect(parsePostLines('abs rtmp sr-1')).toMatchObject({ ok: false, error: expect.stringContaining('abs rtmp sr-1') });
  });
});
