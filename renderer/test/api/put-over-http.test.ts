import { afterEach, describe, expect, it, vi } from 'vitest';
import { putOverHttp } from '../../src/api/upload-bytes';

/** Stands in for the browser's XMLHttpRequest: records what the page asks for, answers as a test says. */
class FakeXhr {
  static last: FakeXhr;
  static answer: (xhr: FakeXhr) => void = () => undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  responseType = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    queueMicrotask(() => FakeXhr.answer(this));
  }
  reply(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

describe('putOverHttp (browser window → web host staging)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const file = new Blob(['bytes of the file']);

  it('PUTs the File itself to its staged id, the token in a header and never in the URL', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = (x) => x.reply(200, '{"ok":true,"data":{"size":17}}');
    await putOverHttp('profile-1', 'group/a b.jpg', file, 'secret-token');
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/uploads/stage?stagedId=group%2Fa+b.jpg&profileId=profile-1');
    expect(xhr.url).not.toContain('secret-token');
    expect(xhr.headers).toEqual({ 'X-MediaDesk-Token': 'secret-token' });
    expect(xhr.body).toBe(file);
  });

  it("fails with the host's own reason when it refuses the file", async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = (x) => x.reply(413, '{"ok":false,"error":{"code":"BAD_INPUT","message":"A file may have at most 10 bytes."}}');
    await expect(putOverHttp('p', 's', file, 't')).rejects.toThrow('A file may have at most 10 bytes.');
  });

  it('fails with the status when the answer is not an envelope, and says so when the host cannot be reached', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answer = (x) => x.reply(502, '<html>Bad gateway</html>');
    await expect(putOverHttp('p', 's', file, 't')).rejects.toThrow('MediaDesk refused the file (HTTP 502).');
    FakeXhr.answer = (x) => x.onerror?.();
    await expect(putOverHttp('p', 's', file, 't')).rejects.toThrow('MediaDesk could not be reached while sending the file');
  });
});
