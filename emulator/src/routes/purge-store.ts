import { checkPurgeTarget } from '../../../shared/purge/purge-rules.js';
import { badRequest } from '../http/errors.js';
import { newObjectId } from '../model/ids.js';
import { runInBackground, type EmulatorCore } from '../core.js';
import type { Db } from '../store/db.js';

/**
 * Purge requests: recorded in SQLite as `Pending`, handed to the delivery side (which drops cached
 * renders), and marked `Completed` once that resolves. A request still pending when the emulator
 * stopped is run again at the next start, so none stays `Pending` forever.
 */
const SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS purge_requests (
    request_id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    completed_at TEXT,
    last_error TEXT
  );`;

export type PurgeStatus = 'Pending' | 'Completed';

export const INVALID_PURGE_URL = 'The URL is not valid for cache purging.';

export function ensurePurgeTable(db: Db): void {
  db.exec(SCHEMA_SQL);
}

/**
 * Throws ImageKit's 400 unless `check` (shared/purge/purge-rules, the rules the app checks before sending)
 * accepts `url` for this emulator's URL endpoint; returns the URL as checked.
 */
export function assertPurgeableUrl(url: unknown, urlEndpoint: string, check = checkPurgeTarget): string {
  if (typeof url !== 'string') throw badRequest(INVALID_PURGE_URL);
  const result = check(url, urlEndpoint);
  if (!result.ok) throw badRequest(INVALID_PURGE_URL);
  return result.url;
}

/**
 * Checks `url` against the target rules, records a purge request and starts it; used by the purge route
 * (after ImageKit's full client rules) and by renames' `purgeCache` (ImageKit's own `<old-url>*` purges).
 */
export function recordPurge(db: Db, raw: string, core: EmulatorCore): { requestId: string } {
  const url = assertPurgeableUrl(raw, core.config.urlEndpoint);
  ensurePurgeTable(db);
  const requestId = newObjectId();
  db.prepare("INSERT INTO purge_requests (request_id, url, status, created_at) VALUES (?, ?, 'Pending', ?)").run(
    requestId,
    url,
    new Date().toISOString(),
  );
  startPurge(db, requestId, url, core);
  return { requestId };
}

export function purgeStatus(db: Db, requestId: string): PurgeStatus | undefined {
  ensurePurgeTable(db);
  const row = db.prepare('SELECT status FROM purge_requests WHERE request_id = ?').get(requestId) as { status: PurgeStatus } | undefined;
  return row?.status;
}

/** Re-runs every request left `Pending` by a previous run. */
export function resumePendingPurges(db: Db, core: EmulatorCore): void {
  ensurePurgeTable(db);
  const rows = db.prepare("SELECT request_id, url FROM purge_requests WHERE status = 'Pending'").all() as { request_id: string; url: string }[];
  for (const row of rows) startPurge(db, row.request_id, row.url, core);
}

function startPurge(db: Db, requestId: string, url: string, core: EmulatorCore): void {
  runInBackground(core, async () => {
    try {
      await core.delivery.purge(url);
      db.prepare("UPDATE purge_requests SET status = 'Completed', completed_at = ?, last_error = NULL WHERE request_id = ?").run(
        new Date().toISOString(),
        requestId,
      );
    } catch (err) {
      // Stays Pending (the truth: the cache was not dropped); retried at the next start.
      db.prepare('UPDATE purge_requests SET last_error = ? WHERE request_id = ?').run(String(err), requestId);
      throw err;
    }
  });
}
