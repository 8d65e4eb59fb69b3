import Database from 'libsql';

type Db = InstanceType<typeof Database>;

/**
 * SHA-256 of file versions already read, keyed by (library, file id, version id). ImageKit gives
 * a new version id to every new content of a file, so a version's checksum never changes: a second
 * plan of the same transfer compares cached checksums instead of downloading both sides again.
 * The library key includes the URL endpoint, so a profile pointed elsewhere never reuses entries.
 */
export class ChecksumCache {
  private readonly db: Db;

  constructor(dbPath: string) {
    this.db = new Database(dbPath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS checksums (
      library TEXT NOT NULL, file_id TEXT NOT NULL, version_id TEXT NOT NULL,
      size INTEGER NOT NULL, sha256 TEXT NOT NULL, recorded_at INTEGER NOT NULL,
      PRIMARY KEY (library, file_id, version_id))`);
  }

  get(library: string, fileId: string, versionId: string, size: number): string | null {
    const row = this.db.prepare('SELECT size, sha256 FROM checksums WHERE library = ? AND file_id = ? AND version_id = ?').get(library, fileId, versionId) as
      | { size: number; sha256: string }
      | undefined;
    // A size that disagrees with the listing means the entry is not about these bytes.
    return row && row.size === size ? row.sha256 : null;
  }

  put(library: string, fileId: string, versionId: string, size: number, sha256: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO checksums (library, file_id, version_id, size, sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(library, fileId, versionId, size, sha256, Date.now());
  }

  close(): void {
    this.db.close();
  }
}
