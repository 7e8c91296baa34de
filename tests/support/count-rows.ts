import { sql } from 'drizzle-orm';
import { rawRows } from '@/db/query';

/** How many rows a table holds, on either engine (tests only: the name is ours, not input). */
export async function countRows(table: 'users' | 'quiz_attempts' | 'search_index'): Promise<number> {
  const [row] = await rawRows<{ n: number | string }>(sql.raw(`select count(*) as n from ${table}`));
  return Number(row?.n ?? 0);
}
