import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listQuizAttempts } from '@/db/quiz-attempts';
import { insertUser } from '@/db/users';
import { quizAttemptsPerLearner } from '@/lib/quiz/limits';

// Several server processes (as several app instances, or workers) posting the
// same learners' attempts at the same moment, on one database file: the count
// and the insert share one IMMEDIATE transaction, so none can slip past the limit.

const course = 'risoluzione-dei-conflitti';
const lesson = 'orientamenti-del-cliente';
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
const worker = path.resolve('tests/support/quiz-submit-worker.ts');

function run(learners: { id: string; name: string }[], startLine: string, posts: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', worker, JSON.stringify(learners), startLine, String(posts)], {
      env: { ...process.env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

describe('attempts posted in parallel by several processes', () => {
  it('never exceed a learner’s limit', { timeout: 120_000 }, async () => {
    const now = new Date();
    const inserted = await Promise.all(
      Array.from({ length: 12 }, async () => (await insertUser({ user: { id: randomUUID(), email: `${randomUUID()}@example.com`, name: 'Para', passwordHash: 'x', role: 'learner', createdAt: now, updatedAt: now } }))!),
    );
    const learners = inserted.map(({ id, name }) => ({ id, name }));
    const processes = 3;
    const postsEach = 2;
    // A start line: every process starts and warms up, then all post at once.
    const startLine = mkdtempSync(path.join(os.tmpdir(), 'aula-start-'));
    const running = Promise.all(Array.from({ length: processes }, () => run(learners, startLine, postsEach)));
    let failed = false;
    running.catch(() => (failed = true));
    while (!failed && readdirSync(startLine).length < processes) await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(path.join(startLine, 'go'), '');
    const results = (await running).flat();
    expect(results).toHaveLength(learners.length * processes * postsEach);
    expect(results.filter((status) => status === 'graded')).toHaveLength(learners.length * quizAttemptsPerLearner);
    for (const learner of learners) expect(await listQuizAttempts({ userId: learner.id, course, lesson })).toHaveLength(quizAttemptsPerLearner);
  });
});
