import { describe, expect, it } from 'vitest';
import { VideoJobs } from '../../src/video/jobs.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A job that finishes when told to, counting how often it was started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  let starts = 0;
  return { work: async () => (starts++, await done, 'ok'), open: () => open(), get starts() { return starts; } };
}

describe('video job runner', () => {
  it('runs identical renders once and gives every waiter the same result', async () => {
    const jobs = new VideoJobs(2);
    const g = gate();
    const all = Promise.all([1, 2, 3, 4].map(() => jobs.run('same', g.work, { heavy: true })));
    await tick();
    g.open();
    expect(await all).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(g.starts).toBe(1);
    expect(jobs.stats.joined).toBe(3);
  });

  it('never runs more jobs than slots, keeps one slot for thumbnails, and starts thumbnails first', async () => {
    const jobs = new VideoJobs(2);
    const heavy = [gate(), gate(), gate()];
    const heavyRuns = heavy.map((g, i) => jobs.run(`h${i}`, g.work, { heavy: true }));
    await tick();
    expect(jobs.active).toBe(1); // transcodes hold at most concurrency − 1 slots
    const thumb = gate();
    const thumbRun = jobs.run('t', thumb.work, { heavy: false });
    await tick();
    expect(thumb.starts).toBe(1);
    expect(jobs.active).toBe(2);
    thumb.open();
    await thumbRun;
    for (const g of heavy) g.open();
    await Promise.all(heavyRuns);
    expect(jobs.stats.peakRunning).toBe(2);
  });

  it('drops a queued thumbnail whose clients all went away, but keeps transcodes running for the cache', async () => {
    const jobs = new VideoJobs(1);
    const blocker = gate();
    const blocking = jobs.run('busy', blocker.work, { heavy: false });
    const left = new AbortController();
    const thumb = gate();
    const dropped = jobs.run('thumb', thumb.work, { heavy: false, signal: left.signal });
    left.abort();
    const heavyGone = new AbortController();
    const transcode = gate();
    const kept = jobs.run('transcode', transcode.work, { heavy: true, signal: heavyGone.signal });
    heavyGone.abort();
    blocker.open();
    await blocking;
    await expect(dropped).rejects.toBeDefined();
    expect(thumb.starts).toBe(0);
    await tick();
    transcode.open();
    expect(await kept).toBe('ok');
  });
});
