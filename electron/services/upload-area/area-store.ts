import Database from 'libsql';
import { UploadOptions } from '../../../shared/domain/uploads';

type Db = InstanceType<typeof Database>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS upload_settings (key TEXT PRIMARY KEY, value_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cleared_items (id INTEGER PRIMARY KEY);
`;

/**
 * The uploads area's own rows in a profile's uploads.db, beside the queue's tables: option defaults,
 * the concurrency, and which finished items the person cleared from the list.
 */
export class AreaStore {
  private readonly db: Db;

  constructor(dbPath: string) {
    this.db = new Database(dbPath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  defaults(): UploadOptions {
    const raw = this.get('defaults');
    // A stored value from an older version that no longer parses falls back to the built-in defaults
    // field by field rather than failing the form.
    const parsed = UploadOptions.safeParse(raw ?? {});
    return parsed.success ? parsed.data : UploadOptions.parse({});
  }

  saveDefaults(options: UploadOptions): UploadOptions {
    this.set('defaults', options);
    return options;
  }

  concurrency(): number {
    const value = this.get('concurrency');
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 4;
  }

  saveConcurrency(value: number): void {
    this.set('concurrency', value);
  }

  clear(ids: number[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO cleared_items (id) VALUES (?)');
    this.db.transaction(() => ids.forEach((id) => insert.run(id)))();
  }

  clearedIds(): Set<number> {
    return new Set((this.db.prepare('SELECT id FROM cleared_items').all() as { id: number }[]).map((r) => r.id));
  }

  close(): void {
    this.db.close();
  }

  private get(key: string): unknown {
    const row = this.db.prepare('SELECT value_json FROM upload_settings WHERE key = ?').get(key) as { value_json: string } | undefined;
    return row ? (JSON.parse(row.value_json) as unknown) : undefined;
  }

  private set(key: string, value: unknown): void {
    this.db
      .prepare('INSERT INTO upload_settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json')
      .run(key, JSON.stringify(value));
  }
}
