import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';

export type PurgeDb = InstanceType<typeof Database>;

/** Migrations in order; `PRAGMA user_version` says how many ran. Append, never edit a shipped one. */
const MIGRATIONS = [
  `CREATE TABLE requests (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL,
     completed_at TEXT,
     suggestion_id TEXT
   );
   CREATE TABLE request_urls (
     request_id TEXT NOT NULL REFERENCES requests(id),
     position INTEGER NOT NULL,
     url TEXT NOT NULL,
     state TEXT NOT NULL,
     ik_request_id TEXT,
     error TEXT,
     sent_at TEXT,
     completed_at TEXT,
     PRIMARY KEY (request_id, position)
   );
   CREATE INDEX request_urls_state ON request_urls(state);
   CREATE INDEX request_urls_sent ON request_urls(sent_at);
   CREATE TABLE suggestions (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL,
     reason TEXT NOT NULL,
     file_path TEXT,
     urls TEXT NOT NULL,
     state TEXT NOT NULL
   );
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE known_versions (file_id TEXT PRIMARY KEY, version_id TEXT NOT NULL);`,
];

/** Opens (creating if needed) a profile's purge database at `<dir>/purge.db`. */
export function openPurgeDb(dir: string): PurgeDb {
  mkdirSync(dir, { recursive: true });
  const db = new Database(path.join(dir, 'purge.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
  const done = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  for (let i = done; i < MIGRATIONS.length; i++) {
    db.exec('BEGIN');
    try {
      db.exec(MIGRATIONS[i]);
      db.exec(`PRAGMA user_version = ${i + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return db;
}
