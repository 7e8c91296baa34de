/**
 * Aula on a copied database (tests/integration/db-copy.test.ts), in a process
 * of its own whose DATABASE_URL is the copy: signs in through the real
 * credentials check, reads a learner's progress, stores a new report and
 * searches (the index is rebuilt from content/ on the copy). Prints JSON.
 */
import { closeDb } from '@/db/client';
import { insertReport } from '@/db/reports';
import { checkCredentials } from '@/lib/auth/credentials';
import { courseStatus } from '@/lib/progress/status';
import { search } from '@/lib/search/search';

const [email, password, userId, course] = process.argv.slice(2) as [string, string, string, string];

async function main() {
  const signIn = await checkCredentials({ email, password }, '198.51.100.9');
  const status = await courseStatus(userId, course);
  const now = new Date();
  const report = await insertReport({ report: { course, lesson: 'x', locale: 'it', target: 'summary', message: 'After the copy.', createdAt: now, updatedAt: now } });
  const found = await search({ query: 'cliente', locale: 'it', limit: 5 });
  process.stdout.write(JSON.stringify({ signedIn: signIn.ok, status, reportId: report.id, searchHits: 'hits' in found ? found.hits.length : -1 }));
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
