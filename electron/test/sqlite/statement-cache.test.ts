import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCache } from '../../services/sqlite/statement-cache';

describe('StatementCache', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)');
  afterEach(() => db.exec('DELETE FROM t'));

  it('prepares each SQL text once and hands back the same statement', () => {
    const cache = new StatementCache(db);
    const insert = cache.get('INSERT INTO t (v) VALUES (?)');
    expect(cache.get('INSERT INTO t (v) VALUES (?)')).toBe(insert);
    insert.run('a');
    cache.get('INSERT INTO t (v) VALUES (?)').run('b');
    expect(cache.get('SELECT v FROM t ORDER BY id').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
    expect(cache.size).toBe(2);
  });

  it('stays within its bound, dropping the least recently used statement, which is prepared again when asked for', () => {
    const cache = new StatementCache(db, 3);
    const sql = (n: number) => `SELECT ${n} AS n`;
    const first = cache.get(sql(1));
    cache.get(sql(2));
    cache.get(sql(3));
    cache.get(sql(1)); // 1 is now the most recent; 2 is the oldest
    cache.get(sql(4));
    expect(cache.size).toBe(3);
    expect(cache.get(sql(1))).toBe(first);
    const again = cache.get(sql(2));
    expect((again.get() as { n: number }).n).toBe(2);
    expect(cache.size).toBe(3);
  });

  it('keeps SQL built per call (an IN list per input length) from growing without end', () => {
    const cache = new StatementCache(db, 16);
    for (let n = 1; n <= 200; n++) {
      const rows = cache.get(`SELECT id FROM t WHERE id IN (${Array.from({ length: n }, () => '?').join(',')})`).all(...Array.from({ length: n }, (_, i) => i));
      expect(rows).toEqual([]);
    }
    expect(cache.size).toBe(16);
  });
});
