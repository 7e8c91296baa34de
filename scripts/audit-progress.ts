/**
 * npm run audit:progress [-- --course SLUG] [--json]
 * Lists learners whose watched videos came faster than one watching allowance
 * allows (for example several videos played at once before the allowance was
 * per learner), for an admin to look at. Exit code 0 either way.
 */
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { flaggedLearners } from '@/lib/progress/audit-report';

const minutes = (seconds: number) => (seconds / 60).toFixed(1);

async function main() {
  const { values } = parseArgs({ options: { course: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const flagged = await flaggedLearners({ course: values.course });

if (values.json) {
  console.log(JSON.stringify(flagged, null, 2));
} else if (flagged.length === 0) {
  console.log('No learner completed videos faster than real time allows.');
} else {
  console.log(`${flagged.length} learner(s) completed videos faster than real time allows:\n`);
  for (const { name, email, course, finding } of flagged) {
    console.log(`${name} <${email}> — ${course}`);
    console.log(`  lessons: ${finding.lessons.join(', ')}`);
    console.log(`  needed ${minutes(finding.requiredSeconds)} min of credited video; ${minutes(finding.elapsedSeconds)} min passed, which allows at most ${minutes(finding.possibleSeconds)} min\n`);
  }
  }
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
