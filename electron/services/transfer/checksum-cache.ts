import Database from 'libsql';

type Db = InstanceType<typeof Database>;

interface Entry {
  size: number;
  sha256: string;
  recordedAt: number;
}

/** Checksums recorded within this long are written together, in one transaction. */
const FLUSH_AFTER_MS = 250;
const FLUSH_AT = 200;

/**
 * SHA-256 of file versions already read, keyed by (library, file id, version id). ImageKit gives
 * a new version id to every new content of a file, so a version's checksum never changes: a second
 * plan of the same transfer compares cached checksums instead of downloading both sides again.
 * The library key includes the URL endpoint, so a profile pointed elsewhere never reuses entries.
 *
 * A transfer records one checksum per file it reads: they are kept in memory and written in one
 * transaction a moment later (or on close) instead of one commit per file on the job's hot path.
 * It is a cache: an entry lost to a crash is only read again from the server next time.
 */
export class ChecksumCache {
  private readonly db: Db;
  private readonly select: Database.Statement<unknown[]>;
  private readonly insert: Database.Statement<unknown[]>;
  private readonly pending = new Map<string, Entry & { library: string; fileId: string; versionId: string }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(dbPath: string) {
    this.db = new Database(dbPath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS checksums (
      library TEXT NOT NULL, file_id TEXT NOT NULL, version_id TEXT NOT NULL,
      size INTEGER NOT NULL, sha256 TEXT NOT NULL, recorded_at INTEGER NOT NULL,
      PRIMARY KEY (library, file_id, version_id))`);
    this.select = this.db.prepare('SELECT size, sha256 FROM checksums WHERE library = ? AND file_id = ? AND version_id = ?');
    this.insert = this.db.prepare('INSERT OR REPLACE INTO checksums (library, file_id, version_id, size, sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  get(library: string, fileId: string, versionId: string, size: number): string | null {
    const row = this.pending.get(JSON.stringify([library, fileId, versionId])) ?? (this.select.get(library, fileId, versionId) as { size: number; sha256: string } | undefined);
    // A size that disagrees with the listing means the entry is not about these bytes.
    return row && row.size === size ? row.sha256 : null;
  }

  put(library: string, fileId: string, versionId: string, size: number, sha256: string): void {
    this.pending.set(JSON.stringify([library, fileId, versionId]), { library, fileId, versionId, size, sha256, recordedAt: Date.now() });
    if (this.pending.size >= FLUSH_AT) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_AFTER_MS);
      // A pending write never keeps a command-line run alive; close() writes what is left.
      this.timer.unref();
    }
  }

  /** Writes the recorded checksums now, in one transaction. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size || !this.db.open) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    this.db.transaction(() => {
      for (const e of entries) this.insert.run(e.library, e.fileId, e.versionId, e.size, e.sha256, e.recordedAt);
    })();
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
