/**
 * Video benchmark (not a test). On a 10 s 1080p H.264 clip made here with ffmpeg's test sources, each
 * through the Local library over HTTP (cache miss every time) beside the same work as a bare ffmpeg
 * command with the same executable:
 *  - thumbnail `<clip>/ik-thumbnail.jpg?tr=so-5` vs `ffmpeg -ss 5 -i clip -frames:v 1` (target ratio ≤ 1.3);
 *  - transcode `?tr=h-480` (H.264/AAC MP4) vs the same ffmpeg encode (target ≤ 1.15);
 *  - 3-rendition HLS ladder `ik-master.m3u8?tr=sr-240_480_720` vs the same ffmpeg packaging (target ≤ 1.2);
 *  - peak RSS of each: this process plus its ffmpeg children (Linux /proc), for both sides.
 * Run: npx tsx bench/video.ts [--runs 3]
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { startEmulator } from '../emulator/src/index.js';
import { requireMediaTools } from '../emulator/src/video/ffmpeg-locator.js';
import { runTool } from '../emulator/src/video/run-tool.js';
import { printBenchSummary, round, type BenchFigure } from './report.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** RSS of this process plus every process it started (ffmpeg), in MB; 0 for children where /proc is missing. */
async function treeRssMb(): Promise<number> {
  let kb = process.memoryUsage().rss / 1024;
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      if (!new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status)) continue;
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    }
  } catch {
    // not Linux: this process only
  }
  return kb / 1024;
}

/** Runs `work`, sampling the process tree's RSS; returns seconds and the peak in MB. */
async function measure(work: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  let peak = await treeRssMb();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await treeRssMb());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t = performance.now();
  await work();
  const seconds = (performance.now() - t) / 1000;
  sampling = false;
  await sampler;
  return { seconds, peakMb: peak };
}

async function fetchOk(url: string): Promise<void> {
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Math.max(1, Number(values.runs));
  const tools = requireMediaTools();
  const ffmpeg = (args: string[], cwd?: string) => runTool(tools.ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { cwd });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-bench-video-'));
  const clip = path.join(dir, 'clip.mp4');
  console.log(`ffmpeg: ${tools.ffmpeg.path} (${tools.ffmpeg.source}); making a 10 s 1920×1080 H.264 clip…`);
  await ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=10', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=10',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '60', '-c:a', 'aac', '-shortest', clip]);
  const emu = await startEmulator({ dataDir: path.join(dir, 'data'), privateKey: 'bench_private', publicKey: 'bench_public', quiet: true, faults: '', video: { waitMs: 600_000 } });
  const figures: BenchFigure[] = [];
  try {
    const sdk = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiUrl, maxRetries: 0 });
    await sdk.files.upload({ file: await toFile(await readFile(clip), 'clip.mp4'), fileName: 'clip.mp4', useUniqueFileName: false });
    const base = `${emu.urlEndpoint}/clip.mp4`;
    const out = (name: string) => path.join(dir, name);

    const cases: { name: string; target: number; ours: (i: number) => Promise<unknown>; peer: (i: number) => Promise<unknown>; peerName: string }[] = [
      {
        name: 'thumbnail at 5 s of a 10 s 1080p H.264 clip',
        target: 1.3,
        // A different offset per run (5.00, 5.01, …) so every request is a cache miss.
        ours: (i) => fetchOk(`${base}/ik-thumbnail.jpg?tr=so-${(5 + i / 100).toFixed(2)}`),
        peer: (i) => ffmpeg(['-ss', (5 + i / 100).toFixed(2), '-i', clip, '-frames:v', '1', '-q:v', '2', out(`thumb-${i}.jpg`)]),
        peerName: 'ffmpeg -ss 5 -i clip -frames:v 1',
      },
      {
        name: 'transcode 10 s 1080p → 480p (H.264/AAC MP4)',
        target: 1.15,
        ours: (i) => fetchOk(`${base}?tr=h-480&run=${i}`),
        peer: (i) => ffmpeg(['-i', clip, '-vf', 'scale=-2:480', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', out(`t-${i}.mp4`)]),
        peerName: 'ffmpeg -vf scale=-2:480 -c:v libx264 -preset veryfast',
      },
      {
        name: 'HLS ladder 240/480/720 of a 10 s 1080p clip',
        target: 1.2,
        ours: (i) => fetchOk(`${base}/ik-master.m3u8?tr=sr-240_480_720&run=${i}`),
        peer: async (i) => {
          const d = out(`hls-${i}`);
          await import('node:fs/promises').then((fs) => fs.mkdir(d));
          const heights = [240, 480, 720];
          const kbps = [400, 1200, 2500];
          const args = ['-i', clip, '-filter_complex', `[0:v]split=3[a][b][c];[a]scale=426:240[o0];[b]scale=854:480[o1];[c]scale=1280:720[o2]`];
          heights.forEach((_, r) => {
            args.push('-map', `[o${r}]`, '-map', '0:a:0', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-b:v', `${kbps[r]}k`, '-maxrate', `${Math.round(kbps[r] * 1.1)}k`, '-bufsize', `${kbps[r] * 2}k`);
            args.push('-force_key_frames', 'expr:gte(t,n_forced*2)', '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '128k', '-ac', '2');
            args.push('-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', `v${r}_init.mp4`, '-hls_segment_filename', path.join(d, `v${r}_%03d.m4s`), path.join(d, `v${r}.m3u8`));
          });
          await ffmpeg(args, d);
        },
        peerName: 'ffmpeg split + 3 × libx264 HLS outputs',
      },
    ];

    for (const c of cases) {
      await c.ours(-1); // warm-up: encoder list, probe cache, page cache
      await c.peer(-1);
      const ours: { seconds: number; peakMb: number }[] = [];
      const peer: { seconds: number; peakMb: number }[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate the order so neither side always runs on a warmer machine.
        if (i % 2 === 0) {
          ours.push(await measure(() => c.ours(i)));
          peer.push(await measure(() => c.peer(i)));
        } else {
          peer.push(await measure(() => c.peer(i)));
          ours.push(await measure(() => c.ours(i)));
        }
      }
      const o = median(ours.map((m) => m.seconds));
      const p = median(peer.map((m) => m.seconds));
      const ratio = o / p;
      const oursRss = Math.max(...ours.map((m) => m.peakMb));
      const peerRss = Math.max(...peer.map((m) => m.peakMb));
      console.log(`${c.name}: emulator ${o.toFixed(2)} s (peak RSS ${oursRss.toFixed(0)} MB), bare ffmpeg ${p.toFixed(2)} s (peak RSS ${peerRss.toFixed(0)} MB), ratio ${ratio.toFixed(2)} (target ≤ ${c.target})`);
      figures.push({ name: `${c.name}, median of ${runs}`, value: round(o, 3), unit: 's', peer: { name: c.peerName, value: round(p, 3), unit: 's' }, ratio: round(ratio), ratioOf: 'emulator / bare ffmpeg', target: `≤ ${c.target}`, met: ratio <= c.target });
      figures.push({ name: `${c.name}: peak RSS, emulator process + ffmpeg`, value: round(oursRss, 0), unit: 'MB', peer: { name: 'bench process + bare ffmpeg', value: round(peerRss, 0), unit: 'MB' } });
    }
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
  printBenchSummary({ suite: 'video', figures });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
