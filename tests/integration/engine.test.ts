import { describe, expect, it } from 'vitest';
import { engine } from '@/db/client';
import { countUsers } from '@/db/users';

// The suites run on the engine the run asked for (AULA_TEST_DB=postgres: PostgreSQL),
// so a PostgreSQL run that silently fell back to SQLite fails here.
describe('the test database', () => {
  it('is the engine the run asked for, migrated and empty', async () => {
    expect(engine()).toBe(process.env.AULA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
    expect(await countUsers()).toBe(0);
  });
});
