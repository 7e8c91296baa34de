import 'server-only';
import { sql } from 'drizzle-orm';
import { rawRows } from './query';

/** Throws unless the database answers a query that touches a real table. */
export async function checkDatabase(): Promise<void> {
  await rawRows(sql`select count(*) from users`);
}
