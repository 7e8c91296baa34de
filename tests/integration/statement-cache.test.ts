import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '@/db/statement-cache';

const open = (max?: number) => {
  const sqlite = cacheStatements(new Database(':memory:'), max);
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  sqlite.prepare('INSERT INTO t (name) VALUES (?)').run('uno');
  sqlite.prepare('INSERT INTO t (name) VALUES (?)').run('due');
  return sqlite;
};

describe('cacheStatements', () => {
  it('prepares one SQL text once and binds new parameters each call', () => {
    const sqlite = open();
    const first = sqlite.prepare('SELECT name FROM t WHERE id = ?');
    expect(sqlite.prepare('SELECT name FROM t WHERE id = ?')).toBe(first);
    expect(sqlite.prepare('SELECT name FROM t WHERE id = ?').get(1)).toEqual({ name: 'uno' });
    expect(sqlite.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'due' });
  });

  it('hands a statement back in object mode after someone asked it for raw rows', () => {
    const sqlite = open();
    expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').raw().all()).toEqual([[1, 'uno'], [2, 'due']]);
    expect(sqlite.prepare('SELECT id, name FROM t ORDER BY id').all()).toEqual([{ id: 1, name: 'uno' }, { id: 2, name: 'due' }]);
  });

  it('does not share a statement that is in the middle of iterate()', () => {
    const sqlite = open();
    const seen: unknown[] = [];
    for (const row of sqlite.prepare('SELECT name FROM t ORDER BY id').iterate()) {
      seen.push(row, sqlite.prepare('SELECT name FROM t ORDER BY id').get());
    }
    expect(seen).toEqual([{ name: 'uno' }, { name: 'uno' }, { name: 'due' }, { name: 'uno' }]);
  });

  it('keeps at most maxStatements', () => {
    const sqlite = open(2);
    const a = sqlite.prepare('SELECT 1');
    sqlite.prepare('SELECT 2');
    sqlite.prepare('SELECT 3');
    expect(sqlite.prepare('SELECT 1')).not.toBe(a);
  });

  it('still sees a table changed after a statement was prepared', () => {
    const sqlite = open();
    expect(sqlite.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'uno' });
    sqlite.exec('ALTER TABLE t ADD COLUMN note TEXT');
    expect(sqlite.prepare('SELECT * FROM t WHERE id = 1').get()).toEqual({ id: 1, name: 'uno', note: null });
  });
});
