import { describe, expect, it } from 'vitest';
import type { LibraryReader } from '../../src/context.js';
import type { FileRecord } from '../../src/model/file-record.js';
import { RenderPool } from '../../src/delivery/pool.js';
import { DEFAULT_PREWARM, ThumbnailPrewarmer, type PrewarmOptions } from '../../src/delivery/prewarm.js';
import type { DeliveryResponse } from '../../src/delivery/service.js';
import { idleCores, type CpuTicks } from '../../src/delivery/spare-cpu.js';

function image(fileId: string): FileRecord {
  return {
    fileId, versionId: `${fileId}-v1`, versionNumber: 1, isCurrent: true, name: `${fileId}.jpg`, filePath: `/${fileId}.jpg`, folderPath: '/',
    tags: null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null, fileType: 'image', mime: 'image/jpeg', format: 'jpg',
    width: 4000, height: 3000, size: 1, hasAlpha: false, duration: null, customMetadata: {}, embeddedMetadata: {}, description: null,
    blobHash: 'a'.repeat(64), createdBy: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function libraryOf(ids: string[]): { library: LibraryReader; fresh: FileRecord[] } {
  const files = new Map(ids.map((id) => [id, image(id)]));
  const library: LibraryReader = {
    currentById: (id) => files.get(id),
    currentByPath: (p) => [...files.values()].find((f) => f.filePath === p),
    version: () => undefined,
    filesIn: () => [],
    folder: () => undefined,
    blobPath: () => '/nonexistent',
  };
  return { library, fresh: [...files.values()] };
}

/** A stand-in for the delivery service: each "render" takes `ms`; records when each started and ended. */
function slowServe(ms: number) {
  const log: { start: number; end: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const serve = async (): Promise<DeliveryResponse> => {
    const entry = { start: performance.now(), end: 0 };
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, ms));
    inFlight -= 1;
    entry.end = performance.now();
    log.push(entry);
    return { status: 200, headers: {}, body: Buffer.alloc(0) };
  };
  return { serve, log, maxInFlight: () => maxInFlight };
}

/** CPU counters of a 2-core machine that is either fully busy or has `idle` cores idle, advancing with the clock. */
function fakeCpu(idle: () => number): () => CpuTicks {
  return () => {
    const now = performance.now();
    return { idle: now * idle(), total: now * 2, cores: 2 };
  };
}

const options = (extra: Partial<PrewarmOptions>): PrewarmOptions => ({ ...DEFAULT_PREWARM, pollMs: 5, ...extra });

describe('prewarm pacing', () => {
  it('renders one thumbnail at a time while uploads arrive, and as many as the pool has slots once they stop', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const busy = slowServe(30);
    const during = new ThumbnailPrewarmer(libraryOf(ids).library, new RenderPool(2), busy.serve, options({ busyShare: 1, busyWindowMs: 60_000 }));
    during.observe({ fresh: libraryOf(ids).fresh, touched: ids });
    await during.idle();
    expect(busy.log).toHaveLength(6);
    expect(busy.maxInFlight()).toBe(1);

    const after = slowServe(30);
    const quiet = new ThumbnailPrewarmer(libraryOf(ids).library, new RenderPool(2), after.serve, options({ busyShare: 1, busyWindowMs: 0 }));
    quiet.observe({ fresh: libraryOf(ids).fresh, touched: ids });
    await quiet.idle();
    expect(after.log).toHaveLength(6);
    expect(after.maxInFlight()).toBe(2);
  });

  it('while uploads arrive on a busy machine, rests for busyShare; when a core sits idle, rests only until it sees that', async () => {
    const renderMs = 20;
    const share = 0.05; // a rest of 19 × the render's time
    const ids = ['a', 'b', 'c'];
    const saturated = slowServe(renderMs);
    const slow = new ThumbnailPrewarmer(libraryOf(ids).library, new RenderPool(2), saturated.serve, options({ busyShare: share, busyWindowMs: 60_000, spareCheckMs: 10, readCpu: fakeCpu(() => 0) }));
    slow.observe({ fresh: libraryOf(ids).fresh, touched: ids });
    await slow.idle();
    const gaps = (log: { start: number; end: number }[]) => log.slice(1).map((e, i) => e.start - log[i].end);
    for (const [i, gap] of gaps(saturated.log).entries()) {
      const took = saturated.log[i].end - saturated.log[i].start;
      expect(gap).toBeGreaterThanOrEqual(0.9 * took * (1 / share - 1));
    }

    const spare = slowServe(renderMs);
    const fast = new ThumbnailPrewarmer(libraryOf(ids).library, new RenderPool(2), spare.serve, options({ busyShare: share, busyWindowMs: 60_000, spareCheckMs: 10, readCpu: fakeCpu(() => 1) }));
    fast.observe({ fresh: libraryOf(ids).fresh, touched: ids });
    await fast.idle();
    for (const [i, gap] of gaps(spare.log).entries()) {
      const took = spare.log[i].end - spare.log[i].start;
      // Well under the saturated rest (≥ 0.9 of it above), with room for late timers on a loaded machine.
      expect(gap).toBeLessThan(0.8 * took * (1 / share - 1));
    }
    await Promise.all([slow.close(), fast.close()]);
  });

  it('reads uploads arriving further apart than busyWindowMs (a loaded machine) as one burst: still one render at a time', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { library, fresh } = libraryOf(ids);
    const starts: { at: number; inFlight: number }[] = [];
    let inFlight = 0;
    const serve = async (): Promise<DeliveryResponse> => {
      inFlight += 1;
      starts.push({ at: performance.now(), inFlight });
      await new Promise((r) => setTimeout(r, 200)); // longer than the gaps: a backlog builds up
      inFlight -= 1;
      return { status: 200, headers: {}, body: Buffer.alloc(0) };
    };
    const prewarm = new ThumbnailPrewarmer(library, new RenderPool(2), serve, options({ busyShare: 1, busyWindowMs: 20, busyWindowMaxMs: 60_000 }));
    // Two files at first, then one every ~150 ms: each gap is far longer than the 20 ms base window.
    prewarm.observe({ fresh: fresh.slice(0, 2), touched: ['a', 'b'] });
    for (const record of fresh.slice(2)) {
      await new Promise((r) => setTimeout(r, 150));
      prewarm.observe({ fresh: [record], touched: [record.fileId] });
    }
    const lastArrival = performance.now();
    await prewarm.idle();
    expect(starts).toHaveLength(6);
    expect(starts.filter((s) => s.at <= lastArrival).every((s) => s.inFlight === 1)).toBe(true);
  });

  it('ends a rest once uploads stop, so the backlog clears at once', async () => {
    const ids = ['a', 'b'];
    const log = slowServe(20);
    const prewarm = new ThumbnailPrewarmer(libraryOf(ids).library, new RenderPool(2), log.serve, options({ busyShare: 0.01, busyWindowMs: 100, spareCheckMs: 10, readCpu: fakeCpu(() => 0) }));
    prewarm.observe({ fresh: libraryOf(ids).fresh, touched: ids });
    await prewarm.idle();
    // A full rest would be 99 × the first render (≥ 2 s); it ends when the 100 ms upload window closes.
    expect(log.log[1].start - log.log[0].end).toBeLessThan(1000);
  });
});

describe('idle cores from the CPU counters', () => {
  it('is the idle share of the time counted, times the cores; 0 when nothing was counted', () => {
    expect(idleCores({ idle: 0, total: 0, cores: 4 }, { idle: 150, total: 400, cores: 4 })).toBeCloseTo(1.5);
    expect(idleCores({ idle: 10, total: 20, cores: 2 }, { idle: 10, total: 20, cores: 2 })).toBe(0);
    expect(idleCores({ idle: 0, total: 0, cores: 2 }, { idle: 50, total: 100, cores: 3 })).toBe(0); // a core came online: no reading
  });
});
