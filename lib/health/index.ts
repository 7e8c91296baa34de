import 'server-only';
import { checkDatabase } from '@/db/health';

/** Whether the database answers; a failure is logged, never thrown. */
export function databaseIsUp(): boolean {
  try {
    checkDatabase();
    return true;
  } catch (error) {
    console.error('health check failed', error);
    return false;
  }
}
