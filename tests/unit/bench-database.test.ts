import { describe, expect, it } from 'vitest';
import { readSettings } from '../../scripts/bench/settings';

describe('the bench’s database', () => {
  it('is a scratch SQLite file unless PostgreSQL is asked for', () => {
    expect(readSettings({}).database).toBe('sqlite');
    expect(readSettings({ BENCH_DATABASE: 'postgres' }).database).toBe('postgres');
  });

  it('refuses another engine, naming the variable', () => {
    expect(() => readSettings({ BENCH_DATABASE: 'mysql' })).toThrow(/^BENCH_DATABASE/);
  });
});
