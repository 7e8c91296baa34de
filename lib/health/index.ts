import 'server-only';
import { checkDatabase } from '@/db/health';

/** Whether the database answers; a failure is logged, never thrown. */
export async function databaseIsUp(): Promise<boolean> {
  try {
    await checkDatabase();
    return true;
  } catch (error) {
    console.error('health check failed', error);
    return false;
  }
}
