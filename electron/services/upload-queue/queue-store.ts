import Database from 'libsql';
import { StatementCache } from '../sqlite/statement-cache.js';
import type {
  Batch,
  BatchOptions,
  ConflictChoice,
  ItemState,
  QueueItem,
  SourceKind,
  Lookalike,
  TargetSnapshot,
  UploadResultSummary,
} from './types.js';

type Db = InstanceType<typeof Database>;

export interface NewItem {
  sourceKind: SourceKind;
  source: string;
  folder: string;
  fileName: string;
  size: number | null;
  /** `receiving` for a file whose bytes are still on their way to `source`; default `pending`. */
  state?: 'pending' | 'receiving';
}

interface ItemRow {
  id: number;
  batch_id: number;
  seq: number;
  source_kind: SourceKind;
  source: string;
  folder: string;
  file_name: string;
  target_name: string;
  size: number | null;
  state: ItemState;
  conflict_choice: ConflictChoice | null;
  attempts: number;
  needs_reconcile: number;
  snapshot_json: string | null;
  error_message: string | null;
  error_help: string | null;
  result_json: string | null;
  screened: number;
  lookalike_json: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_folder TEXT NOT NULL,
  profile_id TEXT NOT NULL DEFAULT 'default',
  options_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  seq INTEGER NOT NULL,
  source_kind TEXT NOT NULL,
  source TEXT NOT NULL,
  folder TEXT NOT NULL,
  file_name TEXT NOT NULL,
  target_name TEXT NOT NULL,
  size INTEGER,
  state TEXT NOT NULL,
  conflict_choice TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  needs_reconcile INTEGER NOT NULL DEFAULT 0,
  snapshot_json TEXT,
  error_message TEXT,
  error_help TEXT,
  result_json TEXT
);
CREATE INDEX IF NOT EXISTS items_state ON items(state, id);
CREATE INDEX IF NOT EXISTS items_batch ON items(batch_id);
CREATE INDEX IF NOT EXISTS items_batch_state ON items(batch_id, state);
`;

/** Columns added after the first release; a database from before gets them on open. */
const ADDED_COLUMNS: Record<string, string> = {
  // 1 once the person cleared the finished item from the list: it no longer counts in the totals.
  cleared: 'INTEGER NOT NULL DEFAULT 0',
  // 1 once the near-duplicate check passed the item (or the person chose to upload it anyway).
  screened: 'INTEGER NOT NULL DEFAULT 0',
  // The library image the item looks like, while it waits for the person's choice.
  lookalike_json: 'TEXT',
};

function toItem(r: ItemRow): QueueItem {
  return {
    id: r.id,
    batchId: r.batch_id,
    seq: r.seq,
    sourceKind: r.source_kind,
    source: r.source,
    folder: r.folder,
    fileName: r.file_name,
    targetName: r.target_name,
    size: r.size,
    state: r.state,
    conflictChoice: r.conflict_choice,
    attempts: r.attempts,
    needsReconcile: r.needs_reconcile === 1,
    snapshot: r.snapshot_json ? (JSON.parse(r.snapshot_json) as TargetSnapshot) : null,
    errorMessage: r.error_message,
    errorHelp: r.error_help,
    result: r.result_json ? (JSON.parse(r.result_json) as UploadResultSummary) : null,
    screened: r.screened === 1,
    lookalike: r.lookalike_json ? (JSON.parse(r.lookalike_json) as Lookalike) : null,
  };
}

export type ItemPatch = Partial<
  Pick<
    QueueItem,
    'targetName' | 'state' | 'conflictChoice' | 'attempts' | 'needsReconcile' | 'snapshot' | 'errorMessage' | 'errorHelp' | 'result' | 'screened' | 'lookalike'
  >
>;

const COLUMN: Record<keyof ItemPatch, string> = {
  targetName: 'target_name',
  state: 'state',
  conflictChoice: 'conflict_choice',
  attempts: 'attempts',
  needsReconcile: 'needs_reconcile',
  snapshot: 'snapshot_json',
  errorMessage: 'error_message',
  errorHelp: 'error_help',
  result: 'result_json',
  screened: 'screened',
  lookalike: 'lookalike_json',
};

function toColumnValue(key: keyof ItemPatch, value: unknown): unknown {
  if (key === 'needsReconcile' || key === 'screened') return value ? 1 : 0;
  if (key === 'snapshot' || key === 'result' || key === 'lookalike') return value == null ? null : JSON.stringify(value);
  return value ?? null;
}

/** Durable queue state. Every state change is written before it is acted on, so a crash loses nothing. */
export class QueueStore {
  private readonly db: Db;
  private readonly statements: StatementCache;

  constructor(dbPath: string) {
    this.db = new Database(dbPath);
    this.statements = new StatementCache(this.db);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    const present = new Set((this.db.prepare('PRAGMA table_info(items)').all() as { name: string }[]).map((c) => c.name));
    for (const [column, type] of Object.entries(ADDED_COLUMNS)) {
      if (!present.has(column)) this.db.exec(`ALTER TABLE items ADD COLUMN ${column} ${type}`);
    }
  }

  close(): void {
    this.db.close();
  }

  addBatch(targetFolder: string, profileId: string, options: BatchOptions, items: NewItem[]): number {
    const insertBatch = this.statements.get('INSERT INTO batches (target_folder, profile_id, options_json, created_at) VALUES (?, ?, ?, ?)');
    const tx = this.db.transaction(() => {
      const batchId = Number(insertBatch.run(targetFolder, profileId, JSON.stringify(options), Date.now()).lastInsertRowid);
      this.insertItems(batchId, 0, items);
      return batchId;
    });
    return tx();
  }

  /** Adds items to an existing batch, after its last one (one transaction); returns the id of the first. */
  appendToBatch(batchId: number, items: NewItem[]): number {
    const tx = this.db.transaction(() => {
      const { next } = this.statements.get('SELECT COALESCE(MAX(seq) + 1, 0) AS next FROM items WHERE batch_id = ?').get(batchId) as { next: number };
      return this.insertItems(batchId, next, items);
    });
    return tx();
  }

  private insertItems(batchId: number, firstSeq: number, items: NewItem[]): number {
    const insertItem = this.statements.get(
      `INSERT INTO items (batch_id, seq, source_kind, source, folder, file_name, target_name, size, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let first = 0;
    items.forEach((it, i) => {
      const id = Number(insertItem.run(batchId, firstSeq + i, it.sourceKind, it.source, it.folder, it.fileName, it.fileName, it.size, it.state ?? 'pending').lastInsertRowid);
      if (i === 0) first = id;
    });
    return first;
  }

  batch(id: number): Batch {
    const row = this.statements.get('SELECT * FROM batches WHERE id = ?').get(id) as
      | { id: number; target_folder: string; profile_id: string; options_json: string; created_at: number }
      | undefined;
    if (!row) throw new Error(`Upload batch ${id} does not exist.`);
    return { id: row.id, targetFolder: row.target_folder, profileId: row.profile_id, options: JSON.parse(row.options_json) as BatchOptions, createdAt: row.created_at };
  }

  item(id: number): QueueItem {
    const row = this.statements.get('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw new Error(`Upload item ${id} does not exist.`);
    return toItem(row);
  }

  items(filter: { batchId?: number; states?: readonly ItemState[]; cleared?: boolean } = {}): QueueItem[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.cleared !== undefined) where.push(`cleared = ${filter.cleared ? 1 : 0}`);
    if (filter.batchId !== undefined) {
      where.push('batch_id = ?');
      params.push(filter.batchId);
    }
    if (filter.states) {
      where.push(`state IN (${filter.states.map(() => '?').join(',')})`);
      params.push(...filter.states);
    }
    const sql = `SELECT * FROM items ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
    return (this.statements.get(sql).all(...params) as ItemRow[]).map(toItem);
  }

  /** The next items to work on, oldest first, skipping ids already being worked on in this process. */
  nextWork(states: readonly ItemState[], excludeIds: ReadonlySet<number>, limit: number): QueueItem[] {
    const rows = this.statements
      .get(`SELECT * FROM items WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY id LIMIT ?`)
      .all(...states, limit + excludeIds.size) as ItemRow[];
    return rows.filter((r) => !excludeIds.has(r.id)).slice(0, limit).map(toItem);
  }

  update(id: number, patch: ItemPatch): QueueItem {
    const keys = Object.keys(patch) as (keyof ItemPatch)[];
    if (keys.length > 0) {
      const sets = keys.map((k) => `${COLUMN[k]} = ?`).join(', ');
      this.statements.get(`UPDATE items SET ${sets} WHERE id = ?`).run(...keys.map((k) => toColumnValue(k, patch[k])), id);
    }
    return this.item(id);
  }

  /**
   * Puts the rows a previous process left mid-way in the state the next run must handle. Whatever was in flight
   * already has needsReconcile set (it is written before each request), so `pending` makes the runner check the
   * library first. Bytes that were still arriving from a window belong to a window that is gone: they fail.
   */
  recoverAfterRestart(): void {
    this.moveStates(['uploading'], 'pending');
    for (const id of this.moveStates(['receiving'], 'failed')) {
      this.update(id, { errorMessage: 'The window closed before all of this file arrived.', errorHelp: 'Drop or pick the file again to upload it.' });
    }
  }

  /** Moves every item of `from` states to `to` (optionally within one batch); returns the ids changed. */
  moveStates(from: readonly ItemState[], to: ItemState, batchId?: number): number[] {
    const params: unknown[] = [...from];
    let sql = `SELECT id FROM items WHERE state IN (${from.map(() => '?').join(',')})`;
    if (batchId !== undefined) {
      sql += ' AND batch_id = ?';
      params.push(batchId);
    }
    const ids = (this.statements.get(sql).all(...params) as { id: number }[]).map((r) => r.id);
    const upd = this.statements.get('UPDATE items SET state = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => upd.run(to, id)))();
    return ids;
  }

  /** Item count per state in one batch. */
  batchCounts(batchId: number): Partial<Record<ItemState, number>> {
    const rows = this.statements.get('SELECT state, COUNT(*) AS n FROM items WHERE batch_id = ? GROUP BY state').all(batchId) as { state: ItemState; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  /**
   * Whether the batch has an item in one of `states`. Asked each time one of its files finishes: a few index
   * seeks (batch, state), where counting the batch's states read all its rows (quadratic over a large batch).
   */
  hasItemIn(batchId: number, states: readonly ItemState[]): boolean {
    const row = this.statements
      .get(`SELECT 1 FROM items WHERE batch_id = ? AND state IN (${states.map(() => '?').join(',')}) LIMIT 1`)
      .get(batchId, ...states);
    return row !== undefined;
  }

  /** Batches that still have unfinished items. */
  openBatchIds(): number[] {
    const rows = this.statements
      .get(`SELECT DISTINCT batch_id FROM items WHERE state NOT IN ('done','skipped','failed','cancelled') ORDER BY batch_id`)
      .all() as { batch_id: number }[];
    return rows.map((r) => r.batch_id);
  }

  /** Item count and byte total per state over the given batches, leaving out items the person cleared. */
  stats(batchIds: number[]): { state: ItemState; count: number; bytes: number }[] {
    if (batchIds.length === 0) return [];
    return this.statements
      .get(
        `SELECT state, COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM items
         WHERE cleared = 0 AND batch_id IN (${batchIds.map(() => '?').join(',')}) GROUP BY state`,
      )
      .all(...batchIds) as { state: ItemState; count: number; bytes: number }[];
  }

  /** Marks items cleared (they leave the list and the totals); returns the ids that were not cleared yet. */
  clear(ids: readonly number[]): number[] {
    const upd = this.statements.get('UPDATE items SET cleared = 1 WHERE id = ? AND cleared = 0');
    return this.db.transaction(() => ids.filter((id) => upd.run(id).changes > 0))();
  }

  /** Names already claimed in a folder by other items (so keep-both never picks a name a sibling will use). */
  claimedNames(folder: string, exceptId: number): Set<string> {
    const rows = this.statements
      .get(`SELECT target_name FROM items WHERE folder = ? AND id != ? AND state NOT IN ('skipped','failed','cancelled')`)
      .all(folder, exceptId) as { target_name: string }[];
    return new Set(rows.map((r) => r.target_name));
  }

  /** File ids already attributed to finished items: reconciliation must never adopt the same file twice. */
  claimedFileIds(folder: string): Set<string> {
    const rows = this.statements
      .get(`SELECT result_json FROM items WHERE folder = ? AND state = 'done' AND result_json IS NOT NULL`)
      .all(folder) as { result_json: string }[];
    return new Set(rows.map((r) => (JSON.parse(r.result_json) as UploadResultSummary).fileId));
  }
}
