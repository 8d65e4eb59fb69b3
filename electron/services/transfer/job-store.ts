import Database from 'libsql';
import { StatementCache, type Statement } from '../sqlite/statement-cache';
import type { FieldDefinition, PlanAction, SourceVersion, TransferFields, TransferPlan } from './types';

type Db = InstanceType<typeof Database>;

export type JobState = 'running' | 'paused' | 'verifying' | 'done' | 'cancelled' | 'failed';
export type ItemState = 'pending' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled';
export type ItemAction = Extract<PlanAction, 'create' | 'replace' | 'keep-both' | 'update-fields' | 'delete'>;
export const ITEM_ACTIONS: readonly ItemAction[] = ['create', 'replace', 'keep-both', 'update-fields', 'delete'];

/** The target file as it was before a step: what reconciliation compares against. */
export interface TargetState {
  fileId: string;
  versionId: string;
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  checksum: string | null;
}

export interface JobItem {
  id: number;
  seq: number;
  relPath: string;
  action: ItemAction;
  targetFolder: string;
  /** Null until a keep-both item has picked its free name. */
  targetName: string | null;
  /** One upload per version, oldest first (empty for update-fields and delete). */
  steps: SourceVersion[];
  /** The fields the target must end with (update-fields); the last step's otherwise. */
  finalFields: TransferFields | null;
  /** What was at the target when planned (replace, update-fields, delete). */
  planned: TargetState | null;
  /** Index of the next step to run. */
  step: number;
  state: ItemState;
  /** The current step may have reached the server: look at the target before sending again. */
  needsReconcile: boolean;
  /** Target state before the current step (null: nothing was there). */
  before: TargetState | null;
  /** SHA-256 of each step's bytes, filled in as they are read. */
  checksums: (string | null)[];
  targetFileId: string | null;
  /** Version ids created on the target, in step order. */
  targetVersions: string[];
  attempts: number;
  errorMessage: string | null;
  errorHelp: string | null;
  verify: VerifyResult | null;
}

export interface JobRecord {
  id: string;
  origin: string;
  state: JobState;
  plan: TransferPlan;
  createdAt: number;
  finishedAt: number | null;
  error: string | null;
  report: unknown;
}

export interface SetupTask {
  /** field / folder: before the items; source-delete: after verification of a move. */
  kind: 'field' | 'folder' | 'source-delete';
  key: string;
  payload: FieldDefinition | { folder: string } | { profileId: string; fileId: string };
  state: 'pending' | 'done' | 'failed';
  error: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS job (
  id TEXT PRIMARY KEY, origin TEXT NOT NULL, state TEXT NOT NULL, plan_json TEXT NOT NULL,
  created_at INTEGER NOT NULL, finished_at INTEGER, error TEXT, report_json TEXT
);
CREATE TABLE IF NOT EXISTS setup (
  kind TEXT NOT NULL, key TEXT NOT NULL, payload_json TEXT NOT NULL, state TEXT NOT NULL, error TEXT,
  PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, rel_path TEXT NOT NULL, action TEXT NOT NULL,
  target_folder TEXT NOT NULL, target_name TEXT, steps_json TEXT NOT NULL, final_fields_json TEXT, planned_json TEXT,
  step INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL, needs_reconcile INTEGER NOT NULL DEFAULT 0, before_json TEXT,
  checksums_json TEXT NOT NULL DEFAULT '[]', target_file_id TEXT, target_versions_json TEXT NOT NULL DEFAULT '[]',
  attempts INTEGER NOT NULL DEFAULT 0, error_message TEXT, error_help TEXT, verify_json TEXT
);
CREATE INDEX IF NOT EXISTS items_state ON items(state, id);
`;

interface ItemRow {
  id: number;
  seq: number;
  rel_path: string;
  action: ItemAction;
  target_folder: string;
  target_name: string | null;
  steps_json: string;
  final_fields_json: string | null;
  planned_json: string | null;
  step: number;
  state: ItemState;
  needs_reconcile: number;
  before_json: string | null;
  checksums_json: string;
  target_file_id: string | null;
  target_versions_json: string;
  attempts: number;
  error_message: string | null;
  error_help: string | null;
  verify_json: string | null;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function toItem(r: ItemRow): JobItem {
  return {
    id: r.id,
    seq: r.seq,
    relPath: r.rel_path,
    action: r.action,
    targetFolder: r.target_folder,
    targetName: r.target_name,
    steps: JSON.parse(r.steps_json) as SourceVersion[],
    finalFields: parse<TransferFields>(r.final_fields_json),
    planned: parse<TargetState>(r.planned_json),
    step: r.step,
    state: r.state,
    needsReconcile: r.needs_reconcile === 1,
    before: parse<TargetState>(r.before_json),
    checksums: JSON.parse(r.checksums_json) as (string | null)[],
    targetFileId: r.target_file_id,
    targetVersions: JSON.parse(r.target_versions_json) as string[],
    attempts: r.attempts,
    errorMessage: r.error_message,
    errorHelp: r.error_help,
    verify: parse<VerifyResult>(r.verify_json),
  };
}

export type ItemPatch = Partial<Pick<JobItem, 'targetName' | 'step' | 'state' | 'needsReconcile' | 'before' | 'checksums' | 'targetFileId' | 'targetVersions' | 'attempts' | 'errorMessage' | 'errorHelp' | 'verify'>>;

const COLUMNS: Record<keyof ItemPatch, { column: string; encode: (v: unknown) => unknown }> = {
  targetName: { column: 'target_name', encode: (v) => v ?? null },
  step: { column: 'step', encode: (v) => v },
  state: { column: 'state', encode: (v) => v },
  needsReconcile: { column: 'needs_reconcile', encode: (v) => (v ? 1 : 0) },
  before: { column: 'before_json', encode: (v) => (v == null ? null : JSON.stringify(v)) },
  checksums: { column: 'checksums_json', encode: (v) => JSON.stringify(v) },
  targetFileId: { column: 'target_file_id', encode: (v) => v ?? null },
  targetVersions: { column: 'target_versions_json', encode: (v) => JSON.stringify(v) },
  attempts: { column: 'attempts', encode: (v) => v },
  errorMessage: { column: 'error_message', encode: (v) => v ?? null },
  errorHelp: { column: 'error_help', encode: (v) => v ?? null },
  verify: { column: 'verify_json', encode: (v) => (v == null ? null : JSON.stringify(v)) },
};

export interface NewItem {
  relPath: string;
  action: ItemAction;
  targetFolder: string;
  targetName: string | null;
  steps: SourceVersion[];
  finalFields: TransferFields | null;
  planned: TargetState | null;
}

/**
 * One transfer job's durable state, in its own SQLite file (WAL). Every step of an item is
 * written before the network call it leads to, so a process killed at any point leaves a state
 * the next run finishes without writing anything twice (see README.md beside this file).
 */
export class JobStore {
  private readonly db: Db;
  private readonly statements: StatementCache;
  private knownState: JobState | null = null;

  /** Each SQL text is compiled once: items are written several times each, thousands of times per job. */
  private sql(text: string): Statement {
    return this.statements.get(text);
  }

  constructor(dbPath: string) {
    this.db = new Database(dbPath);
    this.statements = new StatementCache(this.db);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only an OS crash may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  create(id: string, origin: string, plan: TransferPlan, setup: Omit<SetupTask, 'state' | 'error'>[], items: NewItem[]): void {
    const insertSetup = this.db.prepare(`INSERT INTO setup (kind, key, payload_json, state) VALUES (?, ?, ?, 'pending')`);
    const insertItem = this.db.prepare(
      `INSERT INTO items (seq, rel_path, action, target_folder, target_name, steps_json, final_fields_json, planned_json, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
    );
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO job (id, origin, state, plan_json, created_at) VALUES (?, ?, 'running', ?, ?)`).run(id, origin, JSON.stringify(plan), Date.now());
      for (const task of setup) insertSetup.run(task.kind, task.key, JSON.stringify(task.payload));
      items.forEach((it, seq) =>
        insertItem.run(seq, it.relPath, it.action, it.targetFolder, it.targetName, JSON.stringify(it.steps), it.finalFields && JSON.stringify(it.finalFields), it.planned && JSON.stringify(it.planned)),
      );
    })();
  }

  job(): JobRecord {
    const row = this.db.prepare('SELECT * FROM job LIMIT 1').get() as
      | { id: string; origin: string; state: JobState; plan_json: string; created_at: number; finished_at: number | null; error: string | null; report_json: string | null }
      | undefined;
    if (!row) throw new Error('This transfer job file holds no job.');
    return { id: row.id, origin: row.origin, state: row.state, plan: JSON.parse(row.plan_json) as TransferPlan, createdAt: row.created_at, finishedAt: row.finished_at, error: row.error, report: parse(row.report_json) };
  }

  /** The job's state without reading its (possibly large) plan. */
  jobState(): { id: string; state: JobState; origin: string; createdAt: number; finishedAt: number | null } {
    const row = this.sql('SELECT id, state, origin, created_at, finished_at FROM job LIMIT 1').get() as
      | { id: string; state: JobState; origin: string; created_at: number; finished_at: number | null }
      | undefined;
    if (!row) throw new Error('This transfer job file holds no job.');
    this.knownState = row.state;
    return { id: row.id, state: row.state, origin: row.origin, createdAt: row.created_at, finishedAt: row.finished_at };
  }

  /**
   * The job's state as this store last read or wrote it. Only the process holding the job's lock
   * writes it, so the run loop asks this (once per item) instead of the database.
   */
  state(): JobState {
    return this.knownState ?? this.jobState().state;
  }

  setJobState(state: JobState, extra: { error?: string | null; report?: unknown } = {}): void {
    this.knownState = state;
    const finished = state === 'done' || state === 'cancelled' || state === 'failed' ? Date.now() : null;
    this.db
      .prepare('UPDATE job SET state = ?, finished_at = ?, error = COALESCE(?, error), report_json = COALESCE(?, report_json)')
      .run(state, finished, extra.error ?? null, extra.report === undefined ? null : JSON.stringify(extra.report));
  }

  setup(): SetupTask[] {
    const rows = this.db.prepare('SELECT * FROM setup ORDER BY rowid').all() as { kind: SetupTask['kind']; key: string; payload_json: string; state: SetupTask['state']; error: string | null }[];
    return rows.map((r) => ({ kind: r.kind, key: r.key, payload: JSON.parse(r.payload_json) as SetupTask['payload'], state: r.state, error: r.error }));
  }

  /** Adds tasks that do not exist yet (same kind and key: kept as they are). */
  addSetup(tasks: Omit<SetupTask, 'state' | 'error'>[]): void {
    const insert = this.db.prepare(`INSERT OR IGNORE INTO setup (kind, key, payload_json, state) VALUES (?, ?, ?, 'pending')`);
    this.db.transaction(() => tasks.forEach((t) => insert.run(t.kind, t.key, JSON.stringify(t.payload))))();
  }

  setSetupState(kind: SetupTask['kind'], key: string, state: SetupTask['state'], error: string | null = null): void {
    this.db.prepare('UPDATE setup SET state = ?, error = ? WHERE kind = ? AND key = ?').run(state, error, kind, key);
  }

  item(id: number): JobItem {
    const row = this.sql('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw new Error(`Transfer item ${id} does not exist.`);
    return toItem(row);
  }

  items(states?: readonly ItemState[]): JobItem[] {
    const rows = states
      ? (this.db.prepare(`SELECT * FROM items WHERE state IN (${states.map(() => '?').join(',')}) ORDER BY id`).all(...states) as ItemRow[])
      : (this.db.prepare('SELECT * FROM items ORDER BY id').all() as ItemRow[]);
    return rows.map(toItem);
  }

  nextPending(exclude: ReadonlySet<number>, limit: number): JobItem[] {
    const rows = this.sql(`SELECT * FROM items WHERE state = 'pending' ORDER BY id LIMIT ?`).all(limit + exclude.size) as ItemRow[];
    return rows.filter((r) => !exclude.has(r.id)).slice(0, limit).map(toItem);
  }

  update(id: number, patch: ItemPatch): JobItem {
    this.write(id, patch);
    return this.item(id);
  }

  /** Writes `patch` for an item whose current row the caller holds, and returns the new row without reading it back. */
  patch(item: JobItem, patch: ItemPatch): JobItem {
    this.write(item.id, patch);
    return { ...item, ...patch };
  }

  private write(id: number, patch: ItemPatch): void {
    const keys = Object.keys(patch) as (keyof ItemPatch)[];
    if (!keys.length) return;
    const sets = keys.map((k) => `${COLUMNS[k].column} = ?`).join(', ');
    this.sql(`UPDATE items SET ${sets} WHERE id = ?`).run(...keys.map((k) => COLUMNS[k].encode(patch[k])), id);
  }

  moveStates(from: readonly ItemState[], to: ItemState): number {
    return this.db.prepare(`UPDATE items SET state = ? WHERE state IN (${from.map(() => '?').join(',')})`).run(to, ...from).changes;
  }

  counts(): Record<ItemState, number> {
    const out: Record<ItemState, number> = { pending: 0, running: 0, paused: 0, done: 0, failed: 0, cancelled: 0 };
    for (const r of this.sql('SELECT state, COUNT(*) AS n FROM items GROUP BY state').all() as { state: ItemState; n: number }[]) out[r.state] = r.n;
    return out;
  }

  /** Names other items of this job use (or will use) in a folder: keep-both never picks one of them. */
  claimedNames(folder: string, exceptId: number): Set<string> {
    const rows = this.db.prepare(`SELECT target_name FROM items WHERE target_folder = ? AND id != ? AND target_name IS NOT NULL`).all(folder, exceptId) as { target_name: string }[];
    return new Set(rows.map((r) => r.target_name));
  }
}
