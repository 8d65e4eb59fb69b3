import { randomUUID } from 'node:crypto';
import type { PurgeRequestState, PurgeRequestView, PurgeSuggestionView, PurgeUrlState, SuggestionReason } from '../../../shared/domain/purge';
import type { PurgeDb } from './purge-db';

interface UrlRow {
  request_id: string;
  position: number;
  url: string;
  state: PurgeUrlState;
  ik_request_id: string | null;
  error: string | null;
}

interface RequestRow {
  id: string;
  created_at: string;
  completed_at: string | null;
  suggestion_id: string | null;
}

interface SuggestionRow {
  id: string;
  created_at: string;
  reason: SuggestionReason;
  file_path: string | null;
  urls: string;
  state: PurgeSuggestionView['state'];
}

function requestState(urls: readonly { state: PurgeUrlState }[]): PurgeRequestState {
  if (urls.some((u) => u.state === 'sending' || u.state === 'pending')) return 'pending';
  return urls.some((u) => u.state === 'failed') ? 'failed' : 'completed';
}

/** One profile's purge history, suggestions and settings, in its own SQLite file. */
export class PurgeStore {
  constructor(
    private readonly db: PurgeDb,
    readonly profileId: string,
  ) {}

  createRequest(urls: readonly string[], suggestionId: string | null, now: Date): string {
    const id = randomUUID();
    const insertUrl = this.db.prepare("INSERT INTO request_urls (request_id, position, url, state) VALUES (?, ?, ?, 'sending')");
    this.db.exec('BEGIN');
    try {
      this.db.prepare('INSERT INTO requests (id, created_at, suggestion_id) VALUES (?, ?, ?)').run(id, now.toISOString(), suggestionId);
      urls.forEach((url, position) => insertUrl.run(id, position, url));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return id;
  }

  markSent(requestId: string, position: number, ikRequestId: string, now: Date): void {
    this.db
      .prepare("UPDATE request_urls SET state = 'pending', ik_request_id = ?, sent_at = ?, error = NULL WHERE request_id = ? AND position = ?")
      .run(ikRequestId, now.toISOString(), requestId, position);
  }

  markFailed(requestId: string, position: number, error: string): void {
    this.db.prepare("UPDATE request_urls SET state = 'failed', error = ? WHERE request_id = ? AND position = ?").run(error, requestId, position);
    this.finishIfDone(requestId);
  }

  markCompleted(requestId: string, position: number, now: Date): void {
    this.db
      .prepare("UPDATE request_urls SET state = 'completed', completed_at = ? WHERE request_id = ? AND position = ?")
      .run(now.toISOString(), requestId, position);
    this.finishIfDone(requestId, now);
  }

  private finishIfDone(requestId: string, now = new Date()): void {
    const view = this.request(requestId);
    if (view && view.state !== 'pending' && !view.completedAt) {
      this.db.prepare('UPDATE requests SET completed_at = ? WHERE id = ?').run(now.toISOString(), requestId);
    }
  }

  /** URLs accepted by ImageKit and not yet completed: what status polling must follow. */
  pendingUrls(): Array<{ requestId: string; position: number; ikRequestId: string }> {
    const rows = this.db
      .prepare("SELECT request_id, position, ik_request_id FROM request_urls WHERE state = 'pending' AND ik_request_id IS NOT NULL ORDER BY sent_at")
      .all() as Array<{ request_id: string; position: number; ik_request_id: string }>;
    return rows.map((r) => ({ requestId: r.request_id, position: r.position, ikRequestId: r.ik_request_id }));
  }

  /** URLs never sent because the app stopped mid-request; they are marked failed (nothing was spent on them). */
  abandonUnsent(): string[] {
    const rows = this.db.prepare("SELECT DISTINCT request_id FROM request_urls WHERE state = 'sending'").all() as Array<{ request_id: string }>;
    this.db.prepare("UPDATE request_urls SET state = 'failed', error = 'MediaDesk closed before this URL was sent; send it again.' WHERE state = 'sending'").run();
    for (const row of rows) this.finishIfDone(row.request_id);
    return rows.map((r) => r.request_id);
  }

  /** URLs ImageKit accepted since `sinceIso`: each counts against the monthly allowance. */
  countSentSince(sinceIso: string): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM request_urls WHERE sent_at IS NOT NULL AND sent_at >= ?').get(sinceIso) as { n: number };
    return Number(row.n);
  }

  request(id: string): PurgeRequestView | undefined {
    const row = this.db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
    return row && this.toView(row, this.urlsOf([row.id]));
  }

  requests(limit: number): PurgeRequestView[] {
    const rows = this.db.prepare('SELECT * FROM requests ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as RequestRow[];
    const urls = this.urlsOf(rows.map((r) => r.id));
    return rows.map((row) => this.toView(row, urls));
  }

  private urlsOf(ids: string[]): Map<string, UrlRow[]> {
    const byRequest = new Map<string, UrlRow[]>();
    if (!ids.length) return byRequest;
    const rows = this.db
      .prepare(`SELECT * FROM request_urls WHERE request_id IN (${ids.map(() => '?').join(',')}) ORDER BY position`)
      .all(...ids) as UrlRow[];
    for (const row of rows) {
      const list = byRequest.get(row.request_id) ?? [];
      list.push(row);
      byRequest.set(row.request_id, list);
    }
    return byRequest;
  }

  private toView(row: RequestRow, urls: Map<string, UrlRow[]>): PurgeRequestView {
    const list = (urls.get(row.id) ?? []).map((u) => ({ url: u.url, state: u.state, imagekitRequestId: u.ik_request_id, error: u.error }));
    return {
      id: row.id,
      profileId: this.profileId,
      createdAt: row.created_at,
      completedAt: row.completed_at,
      state: requestState(list),
      urls: list,
      suggestionId: row.suggestion_id,
    };
  }

  addSuggestion(reason: SuggestionReason, filePath: string | null, urls: readonly string[], now: Date): PurgeSuggestionView {
    const id = randomUUID();
    this.db
      .prepare("INSERT INTO suggestions (id, created_at, reason, file_path, urls, state) VALUES (?, ?, ?, ?, ?, 'open')")
      .run(id, now.toISOString(), reason, filePath, JSON.stringify(urls));
    return this.suggestion(id)!;
  }

  suggestion(id: string): PurgeSuggestionView | undefined {
    const row = this.db.prepare('SELECT * FROM suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    return row && toSuggestionView(row, this.profileId);
  }

  openSuggestions(): PurgeSuggestionView[] {
    const rows = this.db.prepare("SELECT * FROM suggestions WHERE state = 'open' ORDER BY created_at DESC, rowid DESC").all() as SuggestionRow[];
    return rows.map((r) => toSuggestionView(r, this.profileId));
  }

  setSuggestionState(id: string, state: 'purged' | 'dismissed'): boolean {
    return this.db.prepare("UPDATE suggestions SET state = ? WHERE id = ? AND state = 'open'").run(state, id).changes > 0;
  }

  getSetting(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  knownVersion(fileId: string): string | undefined {
    return (this.db.prepare('SELECT version_id FROM known_versions WHERE file_id = ?').get(fileId) as { version_id: string } | undefined)?.version_id;
  }

  rememberVersion(fileId: string, versionId: string): void {
    this.db
      .prepare('INSERT INTO known_versions (file_id, version_id) VALUES (?, ?) ON CONFLICT(file_id) DO UPDATE SET version_id = excluded.version_id')
      .run(fileId, versionId);
  }
}

function toSuggestionView(row: SuggestionRow, profileId: string): PurgeSuggestionView {
  return {
    id: row.id,
    profileId,
    createdAt: row.created_at,
    reason: row.reason,
    filePath: row.file_path,
    urls: JSON.parse(row.urls) as string[],
    state: row.state,
  };
}
