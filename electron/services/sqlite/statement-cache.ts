import type Database from 'libsql';

type Db = InstanceType<typeof Database>;
export type Statement = Database.Statement<unknown[]>;

/**
 * Prepared statements of one connection, by their SQL. Preparing (parsing and planning) cost more than running
 * the short reads and writes the upload queue makes several times per file (≈ 30 µs of the ≈ 45 µs of an update
 * and its read-back). Bounded, because some SQL is built per call (an `IN (?, ?, …)` list as long as its input);
 * the least recently used statement goes first.
 */
export class StatementCache {
  readonly #db: Db;
  readonly #limit: number;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Db, limit = 128) {
    this.#db = db;
    this.#limit = limit;
  }

  get(sql: string): Statement {
    const cached = this.#statements.get(sql);
    if (cached) {
      // Map order is insertion order: re-inserting marks it the most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, cached);
      return cached;
    }
    const statement = this.#db.prepare<unknown[]>(sql);
    if (this.#statements.size >= this.#limit) this.#statements.delete(this.#statements.keys().next().value!);
    this.#statements.set(sql, statement);
    return statement;
  }

  get size(): number {
    return this.#statements.size;
  }
}
