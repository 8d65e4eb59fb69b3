import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get, waitForPurge } from '../delivery/http-helpers.js';
import { signUrl } from '../../src/delivery/signature.js';
import { requireMediaTools } from '../../src/video/ffmpeg-locator.js';
import { runTool } from '../../src/video/run-tool.js';
import { makeClip } from './clips.js';

/**
 * Plays a manifest like a player: fetches it and every playlist and segment it lists over HTTP, mirrors
 * them into a folder (part URIs rewritten to the local copies), then lets ffprobe read the local manifest.
 * (The npm static ffprobe cannot open http:// URLs itself, so the network part is done here.)
 */
async function probeStream(url: string): Promise<{ width?: number; height?: number; codec_type: string }[]> {
  const origin = new URL(url).origin;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-stream-'));
  const localName = (uri: string) => uri.split('?')[0].replace(/[^A-Za-z0-9_.-]/g, '_');
  const mirror = async (uri: string, name: string): Promise<void> => {
    const res = await fetch(uri.startsWith('http') ? uri : origin + uri);
    if (res.status !== 200) throw new Error(`${uri} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const text = body.toString('utf8');
    if (name.endsWith('.m3u8')) {
      const refs = [...text.split('\n').filter((l) => l !== '' && !l.startsWith('#')), ...[...text.matchAll(/URI="([^"]+)"/g)].map((m) => m[1])];
      for (const ref of refs) await mirror(ref, localName(ref));
      const local = text.split('\n').map((l) => (l === '' ? l : l.startsWith('#') ? l.replace(/URI="([^"]+)"/, (_, ref: string) => `URI="${localName(ref)}"`) : localName(l)));
      await writeFile(path.join(dir, name), local.join('\n'));
    } else if (name.endsWith('.mpd')) {
      // Segment templates: fetch the parts the emulator listed beside the manifest, named as the template expands.
      const template = /media="([^"]+)"/.exec(text)![1].replace(/&amp;/g, '&');
      const folderUri = template.slice(0, template.lastIndexOf('/') + 1);
      const query = template.includes('?') ? template.slice(template.indexOf('?')) : '';
      const names = (await (await fetch(origin + folderUri + 'index.json' + query)).json()) as string[];
      for (const part of names) await writeFile(path.join(dir, part), Buffer.from(await (await fetch(origin + folderUri + part + query)).arrayBuffer()));
      await writeFile(path.join(dir, name), text.replace(/(initialization|media)="([^"]+)"/g, (_, a: string, ref: string) => `${a}="${ref.slice(ref.lastIndexOf('/') + 1).split('?')[0]}"`));
    } else {
      await writeFile(path.join(dir, name), body);
    }
  };
  try {
    const master = url.includes('.mpd') ? 'master.mpd' : 'master.m3u8';
    await mirror(url, master);
    const tools = requireMediaTools();
    const out = await runTool(tools.ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_streams', path.join(dir, master)], { timeoutMs: 60_000 });
    return (JSON.parse(out.toString('utf8')) as { streams: { width?: number; height?: number; codec_type: string }[] }).streams;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('adaptive bitrate streaming', () => {
  const emu = withEmulator({ video: { waitMs: 120_000 } });

  beforeAll(async () => {
    const { sdk } = emu.current;
    await sdk.files.upload({ file: await toFile(await makeClip({ seconds: 3 }), 'abs.mp4'), fileName: 'abs.mp4', useUniqueFileName: false });
    await sdk.files.upload({ file: await toFile(await makeClip({ seconds: 2 }), 'secret.mp4'), fileName: 'secret.mp4', useUniqueFileName: false, isPrivateFile: true });
  });

  it('serves an HLS master with the asked renditions, whose playlists and segments ffprobe can read', async () => {
    const url = `${emu.current.urlEndpoint}/abs.mp4/ik-master.m3u8?tr=sr-240_360`;
    const master = await get(url);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const text = master.body.toString('utf8');
    expect(text.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);
    expect(text).toContain('RESOLUTION=320x240');
    expect(text).toContain('RESOLUTION=480x360');
    const heights = (await probeStream(url)).filter((s) => s.codec_type === 'video').map((s) => s.height).sort();
    expect(heights).toEqual([240, 360]);
    expect((await get(url)).headers.get('x-emulator-cache')).toBe('HIT');
  });

  it('serves a DASH manifest with the asked renditions', async () => {
    const url = `${emu.current.urlEndpoint}/abs.mp4/ik-master.mpd?tr=sr-240_480`;
    const mpd = await get(url);
    expect(mpd.status).toBe(200);
    expect(mpd.headers.get('content-type')).toBe('application/dash+xml');
    expect(mpd.body.toString('utf8')).toMatch(/height="480"/);
    const heights = (await probeStream(url)).filter((s) => s.codec_type === 'video').map((s) => s.height).sort();
    expect(heights).toEqual([240, 480]);
  });

  it('needs sr- and refuses resolutions ImageKit does not stream', async () => {
    expect((await get(`${emu.current.urlEndpoint}/abs.mp4/ik-master.m3u8`)).status).toBe(400);
    expect((await get(`${emu.current.urlEndpoint}/abs.mp4/ik-master.m3u8?tr=sr-250`)).headers.get('ik-error')).toMatch(/^EINVALIDTRANSFORMATION - sr:/);
  });

  it('drops the stream with the video on purge: its parts are gone and the master is made again', async () => {
    const url = `${emu.current.urlEndpoint}/abs.mp4/ik-master.m3u8?tr=sr-240`;
    const text = (await get(url)).body.toString('utf8');
    const variant = text.split('\n').find((l) => l.endsWith('.m3u8'))!;
    const origin = new URL(emu.current.urlEndpoint).origin;
    expect((await get(origin + variant)).status).toBe(200);
    await waitForPurge(emu.current, `${emu.current.urlEndpoint}/abs.mp4`);
    expect((await get(origin + variant)).status).toBe(404);
    expect((await get(url)).headers.get('x-emulator-cache')).toBe('MISS');
  });

  it('streams a private video only through a signed master, whose part URLs it signs', async () => {
    const { urlEndpoint, privateKey } = emu.current;
    const relative = 'secret.mp4/ik-master.m3u8?tr=sr-240';
    expect((await get(`${urlEndpoint}/${relative}`)).status).toBe(401);
    const signed = `${urlEndpoint}/${relative}&ik-s=${signUrl(privateKey, relative)}`;
    const master = await get(signed);
    expect(master.status).toBe(200);
    const variant = master.body.toString('utf8').split('\n').find((l) => l.includes('.m3u8'))!;
    expect(variant).toMatch(/\?ik-abs-s=[0-9a-f]{40}$/);
    const origin = new URL(urlEndpoint).origin;
    expect((await get(origin + variant.split('?')[0])).status).toBe(401);
    expect((await probeStream(signed)).some((s) => s.codec_type === 'video' && s.height === 240)).toBe(true);
  });
});
