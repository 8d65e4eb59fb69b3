import Database from 'libsql';

export type Db = Database.Database;

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Never edit a shipped entry: append a new one. Modules outside the core (custom metadata
 * fields, purge requests) create their own tables with `CREATE TABLE IF NOT EXISTS`.
 */
const CORE_MIGRATIONS: string[] = [
  `CREATE TABLE files (
     version_id TEXT PRIMARY KEY,
     file_id TEXT NOT NULL,
     is_current INTEGER NOT NULL,
     file_path TEXT NOT NULL,
     blob_hash TEXT NOT NULL,
     seq INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE INDEX files_file_id ON files(file_id);
   CREATE INDEX files_blob ON files(blob_hash);
   CREATE TABLE folders (
     folder_path TEXT PRIMARY KEY,
     seq INTEGER NOT NULL,
     data TEXT NOT NULL
   );
   CREATE TABLE bulk_jobs (
     job_id TEXT PRIMARY KEY,
     data TEXT NOT NULL
   );
   CREATE TABLE upload_tokens (
     token TEXT PRIMARY KEY,
     used_at INTEGER NOT NULL
   );
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`,
  // Upload `transformation.post` steps, recorded per version (ImageKit runs them asynchronously).
  `CREATE TABLE post_transformations (
     version_id TEXT PRIMARY KEY,
     file_id TEXT NOT NULL,
     steps TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
];

export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a COMMIT that returned is on disk, so a 200 answered after commit survives a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  // libsql's `pragma(…, { simple: true })` returns the row, not the value: read it as a row.
  const current = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  for (let i = current; i < CORE_MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(CORE_MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** Monotonic counter kept in the database (used for stable ordering across restarts). */
export function nextCounter(db: Db, name: string): number {
  const row = db
    .prepare('INSERT INTO counters(name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
    .get(name) as { value: number };
  return row.value;
}
