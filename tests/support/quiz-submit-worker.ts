/**
 * One of several processes posting quiz attempts at the same moment (see
 * tests/integration/quiz-parallel.test.ts). Args: a JSON list of learners, a folder
 * for the start line, the posts per learner. Prints the statuses as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getQuizWithKey } from '@/lib/content';
import { closeDb } from '@/db/client';
import { submitQuiz } from '@/lib/quiz/submit';

const [learnersJson, startLine, postsPerLearner] = process.argv.slice(2);
const learners = JSON.parse(learnersJson!) as { id: string; name: string }[];
const course = 'risoluzione-dei-conflitti';
const lesson = 'orientamenti-del-cliente';
const quiz = getQuizWithKey(course, lesson, 'en')!;
const entries: [string, string][] = [['course', course], ['lesson', lesson], ['locale', 'en'], ...quiz.flatMap((q) => q.answer.map((a): [string, string] => [`q:${q.id}`, a]))];

// Warm up (content, database connection) before the start line, so all processes post together.
async function main() {
await submitQuiz({ user: null, ip: `warm-${process.pid}`, course, lesson, locale: 'en', entries, now: new Date() });
writeFileSync(path.join(startLine!, `ready-${process.pid}`), '');
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(path.join(startLine!, 'go'))) Atomics.wait(pause, 0, 0, 1);
const statuses: string[] = [];
for (const learner of learners) {
  for (let i = 0; i < Number(postsPerLearner); i++) statuses.push((await submitQuiz({ user: learner, ip: '127.0.0.1', course, lesson, locale: 'en', entries, now: new Date() })).status);
}
process.stdout.write(JSON.stringify(statuses));
await closeDb();
}

void main();
