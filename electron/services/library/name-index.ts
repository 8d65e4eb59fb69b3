import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'libsql';
import type { FileSummary, RecentSearch } from '../../../shared/domain/library';
import { folderOfFilePath } from '../../../shared/domain/library';

type Db = Database.Database;

/** The scope key the whole library's completeness is stored under (folder paths start with "/"). */
const LIBRARY_SCOPE = '*';
const RECENT_KEEP = 10;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS files (
    file_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    folder TEXT NOT NULL,
    data TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS files_folder ON files(folder);
  CREATE INDEX IF NOT EXISTS files_name ON files(name);
  CREATE INDEX IF NOT EXISTS files_folder_name ON files(folder, name);
  CREATE VIRTUAL TABLE IF NOT EXISTS names USING fts5(name, content='files', content_rowid='rowid', tokenize='trigram');
  CREATE TRIGGER IF NOT EXISTS files_ai AFTER INSERT ON files BEGIN
    INSERT INTO names(rowid, name) VALUES (new.rowid, new.name);
  END;
  CREATE TRIGGER IF NOT EXISTS files_ad AFTER DELETE ON files BEGIN
    INSERT INTO names(names, rowid, name) VALUES ('delete', old.rowid, old.name);
  END;
  CREATE TRIGGER IF NOT EXISTS files_au AFTER UPDATE OF name ON files BEGIN
    INSERT INTO names(names, rowid, name) VALUES ('delete', old.rowid, old.name);
    INSERT INTO names(rowid, name) VALUES (new.rowid, new.name);
  END;
  CREATE TABLE IF NOT EXISTS complete (scope TEXT PRIMARY KEY, at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS recent (kind TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (kind, text));
`;

export interface IndexedNames {
  items: FileSummary[];
  indexedFiles: number;
  /** ms since epoch of the last full listing of the scope, or null. */
  completeAt: number | null;
}

/**
 * What MediaDesk has listed of one profile's library, on disk, so name search matches substrings
 * (ImageKit's API matches name prefixes only), answers instantly and works offline. A folder (or the
 * whole library) counts as complete from the start of its last full listing; rows not seen in that
 * listing are dropped then.
 */
/**
 * A substring with at most this many trigram matches is answered from the FTS index (fetch, sort); one
 * with more is common enough that walking names in order and stopping at the page limit is cheaper
 * than sorting every match (a million-file library where every name contains "photo").
 */
const SPARSE_MATCHES = 20_000;

export class NameIndex {
  readonly #db: Db;
  /** Indexed-file counts per scope, dropped by every write (a count over a million rows is a full index scan). */
  readonly #counts = new Map<string, number>();

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(SCHEMA);
  }

  /** Records listed files; `seenAt` lets a full listing drop what it did not see. */
  record(files: FileSummary[], seenAt = Date.now()): void {
    if (!files.length) return;
    this.#counts.clear();
    const upsert = this.#db.prepare(
      `INSERT INTO files(file_id, name, folder, data, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(file_id) DO UPDATE SET name = excluded.name, folder = excluded.folder, data = excluded.data, seen_at = excluded.seen_at`,
    );
    this.#db.transaction(() => {
      for (const f of files) upsert.run(f.fileId, f.name, folderOfFilePath(f.filePath), JSON.stringify(f), seenAt);
    })();
  }

  /** A full listing of `folderPath` (or the library, when undefined) that began at `startedAt` ended. */
  markComplete(folderPath: string | undefined, startedAt: number): void {
    this.#counts.clear();
    this.#db.transaction(() => {
      if (folderPath === undefined) this.#db.prepare('DELETE FROM files WHERE seen_at < ?').run(startedAt);
      else this.#db.prepare('DELETE FROM files WHERE folder = ? AND seen_at < ?').run(folderPath, startedAt);
      this.#db
        .prepare('INSERT INTO complete(scope, at) VALUES (?, ?) ON CONFLICT(scope) DO UPDATE SET at = excluded.at')
        .run(folderPath ?? LIBRARY_SCOPE, startedAt);
    })();
  }

  remove(fileIds: string[]): void {
    this.#counts.clear();
    const del = this.#db.prepare('DELETE FROM files WHERE file_id = ?');
    this.#db.transaction(() => {
      for (const id of fileIds) del.run(id);
    })();
  }

  removeByPaths(filePaths: string[]): void {
    this.#counts.clear();
    const del = this.#db.prepare("DELETE FROM files WHERE json_extract(data, '$.filePath') = ?");
    this.#db.transaction(() => {
      for (const p of filePaths) del.run(p);
    })();
  }

  /** Everything under a folder (after a folder delete/move/rename). */
  removeFolder(folderPath: string): void {
    this.#counts.clear();
    const like = `${escapeLike(folderPath === '/' ? '' : folderPath)}/%`;
    this.#db.transaction(() => {
      this.#db.prepare("DELETE FROM files WHERE folder = ? OR folder LIKE ? ESCAPE '\\'").run(folderPath, like);
      this.#db.prepare("DELETE FROM complete WHERE scope = ? OR scope LIKE ? ESCAPE '\\'").run(folderPath, like);
    })();
  }

  renamed(filePath: string, newName: string): void {
    const row = this.#db.prepare("SELECT data FROM files WHERE json_extract(data, '$.filePath') = ?").get(filePath) as { data: string } | undefined;
    if (!row) return;
    const file = JSON.parse(row.data) as FileSummary;
    const folder = folderOfFilePath(filePath);
    const next: FileSummary = { ...file, name: newName, filePath: `${folder === '/' ? '' : folder}/${newName}` };
    this.record([next]);
  }

  /** Case-insensitive substring match on names, in the folder (direct children) or everywhere, in name order. */
  search(text: string, folderPath: string | undefined, limit: number): IndexedNames {
    const folderClause = folderPath === undefined ? '' : ' AND f.folder = ?';
    const folderArgs = folderPath === undefined ? [] : [folderPath];
    let rows: { data: string }[] | undefined;
    if ([...text].length >= 3) {
      // The trigram tokenizer answers substring MATCHes from its index; the phrase is quoted literally.
      const phrase = `"${text.replaceAll('"', '""')}"`;
      const matches = this.#db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM names WHERE names MATCH ? LIMIT ?)').get(phrase, SPARSE_MATCHES + 1) as { n: number };
      if (matches.n <= SPARSE_MATCHES) {
        rows = this.#db
          // CROSS JOIN keeps the FTS matches as the outer loop: with the folder's (folder, name) index at hand the
          // planner would otherwise walk the whole folder in name order and probe the FTS index per row.
          .prepare(`SELECT f.data FROM names CROSS JOIN files f ON f.rowid = names.rowid WHERE names MATCH ?${folderClause} ORDER BY f.name LIMIT ?`)
          .all(phrase, ...folderArgs, limit) as { data: string }[];
      }
    }
    // Short or common text: walk the names in order (files_name / files_folder_name) and stop at the limit.
    rows ??= this.#db
      .prepare(`SELECT f.data FROM files f WHERE f.name LIKE ? ESCAPE '\\'${folderClause} ORDER BY f.name LIMIT ?`)
      .all(`%${escapeLike(text)}%`, ...folderArgs, limit) as { data: string }[];
    const complete = this.#db.prepare('SELECT at FROM complete WHERE scope = ?').get(folderPath ?? LIBRARY_SCOPE) as { at: number } | undefined;
    return { items: rows.map((r) => JSON.parse(r.data) as FileSummary), indexedFiles: this.#countIn(folderPath), completeAt: complete?.at ?? null };
  }

  #countIn(folderPath: string | undefined): number {
    const scope = folderPath ?? LIBRARY_SCOPE;
    let n = this.#counts.get(scope);
    if (n === undefined) {
      const row = (
        folderPath === undefined
          ? this.#db.prepare('SELECT count(*) AS n FROM files').get()
          : this.#db.prepare('SELECT count(*) AS n FROM files WHERE folder = ?').get(folderPath)
      ) as { n: number };
      n = row.n;
      this.#counts.set(scope, n);
    }
    return n;
  }

  count(): number {
    return this.#countIn(undefined);
  }

  addRecent(kind: RecentSearch['kind'], text: string, at = Date.now()): void {
    this.#db.transaction(() => {
      this.#db
        .prepare('INSERT INTO recent(kind, text, at) VALUES (?, ?, ?) ON CONFLICT(kind, text) DO UPDATE SET at = excluded.at')
        .run(kind, text, at);
      this.#db.prepare('DELETE FROM recent WHERE rowid NOT IN (SELECT rowid FROM recent ORDER BY at DESC LIMIT ?)').run(RECENT_KEEP);
    })();
  }

  recent(): RecentSearch[] {
    const rows = this.#db.prepare('SELECT kind, text, at FROM recent ORDER BY at DESC').all() as { kind: RecentSearch['kind']; text: string; at: number }[];
    return rows.map((r) => ({ kind: r.kind, text: r.text, at: new Date(r.at).toISOString() }));
  }

  close(): void {
    this.#db.close();
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
