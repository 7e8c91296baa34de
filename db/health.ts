import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from './client';

/** Throws unless the database answers a query that touches a real table. */
export function checkDatabase(): void {
  getDb().get(sql`select count(*) from users`);
}
