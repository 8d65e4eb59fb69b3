import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { sha256 } from '../helpers/fixtures.js';

const KEYS = ['--private-key', 'private_crash', '--public-key', 'public_crash'];
const AUTH = `Basic ${Buffer.from('private_crash:').toString('base64')}`;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-crash-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function blobHashesOnDisk(): Promise<string[]> {
  const root = path.join(dataDir, 'blobs');
  const out: string[] = [];
  for (const prefix of await readdir(root)) for (const rest of await readdir(path.join(root, prefix))) out.push(prefix + rest);
  return out;
}

describe('crash safety', () => {
  it('keeps every answered upload intact across a SIGKILL during 100 concurrent uploads', async () => {
    const first = await spawnCli(['--port', '0', '--data', dataDir, ...KEYS]);
    const bodies = Array.from({ length: 100 }, (_, i) => randomBytes(64 * 1024 + i * 1024));
    const answered: { fileId: string; sha: string; size: number }[] = [];
    let killed = false;
    const uploads = bodies.map(async (bytes, i) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), `f${i}.bin`);
      form.append('fileName', `crash-${i}.bin`);
      form.append('useUniqueFileName', 'false');
      try {
        const res = await fetch(`${first.apiUrl}/api/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: AUTH } });
        if (res.status === 200) {
          const json = (await res.json()) as { fileId: string; size: number };
          answered.push({ fileId: json.fileId, sha: sha256(bytes), size: json.size });
          // Kill while the rest are still in flight.
          if (answered.length === 30 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      } catch {
        // Connection lost by the kill: this upload was never answered.
      }
    });
    await Promise.all(uploads);
    if (!killed) first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(answered.length).toBeGreaterThanOrEqual(30);
    expect(answered.length).toBeLessThan(100);

    // What the kill left behind (the restart must clean it): blobs without rows, temp files.
    const leftBlobs = (await blobHashesOnDisk()).length;
    const leftTemp = (await readdir(path.join(dataDir, 'tmp'))).length;
    console.info(`crash: ${answered.length} answered, ${leftBlobs} blobs and ${leftTemp} temp files on disk before restart`);
    const second = await spawnCli(['--port', '0', '--data', dataDir, ...KEYS]);
    try {
      const res = await fetch(`${second.apiUrl}/v1/files?limit=1000`, { headers: { authorization: AUTH } });
      const listed = (await res.json()) as { fileId: string; size: number; name: string }[];
      const byId = new Map(listed.map((f) => [f.fileId, f]));
      const db = new Database(path.join(dataDir, 'library.db'));
      try {
        for (const a of answered) {
          const file = byId.get(a.fileId);
          expect(file, a.fileId).toBeDefined();
          expect(file!.size).toBe(a.size);
          const row = db.prepare('SELECT blob_hash FROM files WHERE file_id = ? AND is_current = 1').get(a.fileId) as { blob_hash: string };
          expect(row.blob_hash).toBe(a.sha);
          const bytes = await readFile(path.join(dataDir, 'blobs', a.sha.slice(0, 2), a.sha.slice(2)));
          expect(sha256(bytes)).toBe(a.sha);
        }
        // Every listed file has its bytes, and no blob is left without a row.
        const referenced = new Set((db.prepare('SELECT blob_hash FROM files').all() as { blob_hash: string }[]).map((r) => r.blob_hash));
        const onDisk = await blobHashesOnDisk();
        expect(onDisk.filter((h) => !referenced.has(h))).toEqual([]);
        expect([...referenced].filter((h) => !onDisk.includes(h))).toEqual([]);
        expect(listed.length).toBe(referenced.size);
        expect(await readdir(path.join(dataDir, 'tmp'))).toEqual([]);
        expect(db.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' });
      } finally {
        db.close();
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
