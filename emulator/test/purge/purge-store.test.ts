import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorCore } from '../../src/core.js';
import { createOutboundPolicy } from '../../src/net/outbound-policy.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { ensurePurgeTable, purgeStatus, recordPurge, resumePendingPurges } from '../../src/routes/purge-store.js';
import { IkError } from '../../src/http/errors.js';
import type { Library } from '../../src/store/library.js';

/** A core with a real SQLite db and a purge hook the test controls (no HTTP needed). */
async function contextWith(purge: (url: string) => Promise<void>, dir?: string) {
  const dataDir = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'a2-purge-')));
  const db = openDatabase(path.join(dataDir, 'library.db'));
  const ctx: EmulatorCore = {
    config: { id: 'local', privateKey: 'k', publicKey: 'p', dataDir, apiUrl: 'http://127.0.0.1:9', urlEndpoint: 'http://127.0.0.1:9/local' },
    library: {} as Library,
    delivery: { purge, preTransform: async () => ({ data: Buffer.alloc(0) }) },
    db,
    limits: { maxUploadBytes: 1, remoteHeaderTimeoutMs: 1 },
    faults: undefined,
    background: new Set(),
    lockedFolders: new Set(),
    quiet: true,
    outbound: createOutboundPolicy(),
  };
  return { ctx, db, dataDir };
}

const settle = (ctx: EmulatorCore) => Promise.allSettled([...ctx.background]);
const opened: { db: Db; dataDir: string }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.db.close();
    await rm(o.dataDir, { recursive: true, force: true });
  }
});

describe('purge store', () => {
  it('is Pending until the delivery purge resolves, then Completed', async () => {
    let release!: () => void;
    const seen: string[] = [];
    const { ctx, db, dataDir } = await contextWith((url) => {
      seen.push(url);
      return new Promise<void>((r) => (release = r));
    });
    opened.push({ db, dataDir });
    const { requestId } = recordPurge(db, 'http://127.0.0.1:9/local/a.jpg', ctx);
    expect(purgeStatus(db, requestId)).toBe('Pending');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['http://127.0.0.1:9/local/a.jpg']);
    expect(purgeStatus(db, requestId)).toBe('Pending');
    release();
    await settle(ctx);
    expect(purgeStatus(db, requestId)).toBe('Completed');
  });

  it('stays Pending when the purge fails and completes when resumed at the next start', async () => {
    const first = await contextWith(async () => {
      throw new Error('disk busy');
    });
    const { requestId } = recordPurge(first.db, 'http://127.0.0.1:9/local/b/*', first.ctx);
    await settle(first.ctx);
    expect(purgeStatus(first.db, requestId)).toBe('Pending');
    first.db.close();

    const purged: string[] = [];
    const second = await contextWith(async (url) => void purged.push(url), first.dataDir);
    opened.push(second);
    resumePendingPurges(second.db, second.ctx);
    await settle(second.ctx);
    expect(purged).toEqual(['http://127.0.0.1:9/local/b/*']);
    expect(purgeStatus(second.db, requestId)).toBe('Completed');
  });

  it('validates the URL before recording anything', async () => {
    const { ctx, db, dataDir } = await contextWith(async () => {});
    opened.push({ db, dataDir });
    ensurePurgeTable(db);
    expect(() => recordPurge(db, 'http://127.0.0.1:9/elsewhere/a.jpg', ctx)).toThrow(IkError);
    expect((db.prepare('SELECT COUNT(*) AS n FROM purge_requests').get() as { n: number }).n).toBe(0);
  });
});
