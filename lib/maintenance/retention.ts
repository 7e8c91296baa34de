import 'server-only';
import { deleteSentMail } from '@/db/mail';
import { deleteExpiredRateLimits } from '@/db/rate-limits';
import { deleteEndedSessions } from '@/db/sessions';

const day = 86_400_000;

/** How long rows that no longer do anything are kept, and how often they are pruned. */
export const retention = {
  /** The serving process prunes at start and then this often. */
  everyMs: 60 * 60_000,
  /** A session that expired or was signed out is kept this long (to answer "who was signed in when"), then deleted. */
  endedSessionsDays: 30,
  /** A sent e-mail's row (its text is already gone) is kept this long, then deleted. */
  sentMailDays: 30,
};

/** One kind of row to prune: returns how many rows it deleted. */
type PruneTask = { name: string; prune: (now: Date) => Promise<number> };

/**
 * Everything that is pruned, in one place. Rate-limit counters go once their
 * window has ended (an ended window counts as no row). A mail queue or a job
 * table adds its entry here (sent or failed mail, finished jobs, older than
 * their own retention).
 */
export const pruneTasks: PruneTask[] = [
  { name: 'expired rate-limit counters', prune: (now) => deleteExpiredRateLimits({ now }) },
  { name: `sessions ended over ${retention.endedSessionsDays} days ago`, prune: (now) => deleteEndedSessions({ before: new Date(now.getTime() - retention.endedSessionsDays * day) }) },
  { name: `e-mails sent over ${retention.sentMailDays} days ago`, prune: (now) => deleteSentMail({ before: new Date(now.getTime() - retention.sentMailDays * day) }) },
];

/** Runs every prune task once; returns what each deleted. */
export async function pruneExpired(now: Date): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const task of pruneTasks) deleted[task.name] = await task.prune(now);
  return deleted;
}

/**
 * Prunes now and then every `retention.everyMs` without keeping the process
 * alive; logs only what was deleted and any failure (the next run retries).
 * Returns a function that stops it.
 */
export function startRetention(log: (line: string) => void = console.log): () => void {
  const run = async () => {
    try {
      const deleted = Object.entries(await pruneExpired(new Date())).filter(([, count]) => count > 0);
      if (deleted.length) log(`Pruned ${deleted.map(([name, count]) => `${count} ${name}`).join(', ')}`);
    } catch (error) {
      console.error('Pruning old rows failed (will retry):', error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), retention.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
