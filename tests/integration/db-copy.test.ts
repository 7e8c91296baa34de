import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseReady, engine } from '@/db/client';
import { applyCorrection } from '@/db/corrections';
import { copyDatabase, CopyRefused, parseLocation, verifyDatabases, type Location } from '@/db/copy';
import { postgresEndpoint } from '@/db/copy/postgres';
import { sqliteEndpoint } from '@/db/copy/sqlite';
import { copiedTables } from '@/db/copy/tables';
import type { Row } from '@/db/copy/values';
import { writeDemoLearners, type DemoLearner } from '@/db/demo';
import { changeReportStatus, insertReport } from '@/db/reports';
import { requestPasswordReset } from '@/lib/account/password-reset';
import { sendVerification } from '@/lib/account/verification';
import { checkCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { registerAccount } from '@/lib/auth/registration';
import { recordHeartbeat } from '@/lib/progress/record';
import { courseStatus } from '@/lib/progress/status';
import { compactStoredProgress } from '@/lib/progress/upgrade';
import { startTestPostgres, type TestPostgres } from '../support/postgres-server';

// db:copy, SQLite → PostgreSQL → SQLite (on a PostgreSQL run, the other way round):
// the test's own database is filled through the real feature modules, copied to the
// other engine and back, and compared row by row; then Aula runs on the copy.
const course = 'risoluzione-dei-conflitti';
const password = 'copied across engines';
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
let server: TestPostgres | undefined;
let adminUrl: string;
const home = (): Location => parseLocation(process.env.DATABASE_URL!);
const other = engine() === 'sqlite' ? 'postgres' : 'sqlite';

async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<Location> {
  if (kind === 'sqlite') return { engine: 'sqlite', file: path.join(mkdtempSync(path.join(os.tmpdir(), 'aula-copy-')), 'copy.sqlite') };
  const name = `aula_copy_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // A linguistic collation ('a' before 'B', unlike SQLite's bytewise order), where the server has ICU, so the
  // primary-key order the checksums rely on must not come from the database's collation.
  await admin.query(`create database ${name} template template0 locale_provider icu icu_locale 'en'`).catch(() => admin.query(`create database ${name}`));
  await admin.end();
  return { engine: 'postgres', url: adminUrl.replace(/\/postgres\?/, `/${name}?`) };
}

/** Every table's rows in primary-key order, as db:copy reads them. */
async function dump(location: Location): Promise<Record<string, Row[]>> {
  const endpoint = location.engine === 'sqlite' ? sqliteEndpoint(location.file, 'source') : await postgresEndpoint(location.url);
  try {
    await endpoint.beginRead();
    const tables: Record<string, Row[]> = {};
    for (const spec of copiedTables()) {
      tables[spec.name] = [];
      for await (const batch of endpoint.batches(spec, 500)) tables[spec.name]!.push(...batch);
    }
    await endpoint.end(false);
    return tables;
  } finally {
    await endpoint.close();
  }
}

function onCopy(location: Location, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const url = location.engine === 'sqlite' ? location.file : location.url;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, '--conditions=react-server', ...args], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

let ada: { id: string; name: string; email: string };

beforeAll(async () => {
  if (process.env.AULA_TEST_PG_ADMIN) adminUrl = process.env.AULA_TEST_PG_ADMIN;
  else {
    server = await startTestPostgres();
    adminUrl = server.url('postgres');
  }
  await databaseReady();
  const now = new Date('2026-11-20T09:30:00.123Z');
  // Accounts, sessions and throttles through sign-up and sign-in; a name in three scripts.
  const registered = await registerAccount({ name: 'Zoë 李 "Ada" D\'Angelo', email: 'ada@example.com', password, locale: 'zh' }, '203.0.113.5', now);
  if (registered.status !== 'created') throw new Error(registered.status);
  ada = registered.user;
  expect((await checkCredentials({ email: 'ada@example.com', password }, '203.0.113.5', now, 'Firefox on Linux')).ok).toBe(true);
  expect((await checkCredentials({ email: 'ada@example.com', password: 'not the password' }, '198.51.100.1', now)).ok).toBe(false);
  // Mail queue and single-use links.
  await sendVerification(ada, 'zh', now);
  await requestPasswordReset({ email: 'ada@example.com', ip: '203.0.113.5', locale: 'it', now });
  // Progress and the watching allowance through heartbeats (fractions of seconds: doubles).
  for (let i = 0; i < 4; i++) await recordHeartbeat({ id: ada.id, name: 'Ada' }, { course, lesson: 'livelli-di-contatto', intervals: [[i * 15.25, i * 15.25 + 15.25]], position: i * 15.25 + 15.25 }, new Date(now.getTime() + (i + 1) * 15_250));
  // Demo learners (the seeder's writer): progress, quiz attempts passed and failed, certificates.
  const hash = await hashPassword('demo learner passphrase');
  const learners: DemoLearner[] = Array.from({ length: 120 }, (_, n) => {
    const id = `${['a', 'B', 'é', 'Z', '_'][n % 5]}${randomUUID()}`; // ids whose order depends on the collation
    const at = new Date(now.getTime() - n * 3_600_123);
    return {
      user: { id, email: `learner${n}@demo.aula.test`, name: `Learner ${n} Élodie`, passwordHash: hash, role: n === 0 ? 'editor' : 'learner', emailVerifiedAt: n % 2 ? at : null, createdAt: at, updatedAt: at },
      progress: [{ userId: id, course, lesson: 'livelli-di-contatto', intervals: JSON.stringify([[0, 100.5 + n / 3]]), watchedSeconds: 100.5 + n / 3, position: 0.1 + 0.2, firstActivityAt: at, updatedAt: at, quizBest: n % 3 ? 80 : null, completedAt: n % 5 ? null : at }],
      attempts: [{ id: randomUUID(), userId: id, course, lesson: 'livelli-di-contatto', score: n % 5, total: 5, percent: (n % 5) * 20, passed: n % 5 >= 4, answers: '{"q1":["a"]}', createdAt: at }],
      certificate: n % 10 === 0 ? { id: randomBytes(16).toString('hex'), userId: id, course, learnerName: `Learner ${n}`, issuedAt: at } : undefined,
    };
  });
  await writeDemoLearners(learners);
  const editor = learners[0]!.user.id;
  // Reports, their history and a live correction; the last report deleted, so the id counter is past the largest id.
  const reports = [];
  for (let i = 0; i < 4; i++) {
    reports.push(await insertReport({ report: { course, lesson: 'livelli-di-contatto', locale: 'it', target: i % 2 ? 'video' : 'summary', videoTime: i % 2 ? 42 : null, message: `Errore n. ${i} 🙂 «qui»`, email: i ? null : 'x@example.com', userId: i ? ada.id : null, createdAt: now, updatedAt: now } }));
  }
  await changeReportStatus({ id: reports[0]!.id, from: 'new', to: 'accepted', userId: editor, note: 'ok', now });
  await applyCorrection({ reportId: reports[0]!.id, from: 'accepted', target: { course, lesson: 'livelli-di-contatto', locale: 'it', target: 'summary', targetId: '' }, originalText: 'Prima.', text: 'Dopo, **corretto**.', userId: editor, now });
  const { rawRun } = await import('@/db/query');
  const { sql } = await import('drizzle-orm');
  await rawRun(sql`delete from reports where id = ${reports[3]!.id}`);
  await compactStoredProgress(now); // data_migrations
}, 300_000);

afterAll(() => server?.stop());

describe('db:copy', () => {
  let there: Location;
  let back: Location;

  it('has something in every table to copy', async () => {
    const tables = await dump(home());
    for (const spec of copiedTables()) expect(tables[spec.name]!.length, spec.name).toBeGreaterThan(0);
  });

  it(`copies every table to ${other} and back, row for row, checking counts and checksums`, async () => {
    there = await freshDatabase(other);
    back = await freshDatabase(engine());
    const out = await copyDatabase({ from: home(), to: there, batchSize: 7 });
    expect(out).toMatchObject({ ok: true, written: true });
    expect(out.tables.map((t) => t.table).sort()).toEqual(copiedTables().map((s) => s.name).sort());
    expect((await copyDatabase({ from: there, to: back, batchSize: 1000 })).ok).toBe(true);
    const original = await dump(home());
    expect(await dump(there)).toEqual(original);
    expect(await dump(back)).toEqual(original);
    // Same values, same types: a boolean stays a boolean, a time an integer of ms, a double exact.
    const attempts = original.quiz_attempts!;
    expect(attempts.some((r) => r.includes(true)) && attempts.some((r) => r.includes(false))).toBe(true);
  }, 300_000);

  it('lets Aula run on the copy: the copied password signs in, progress reads the same, ids go on past the copied ones', async () => {
    const expected = await courseStatus(ada.id, course);
    const maxReportId = Math.max(...(await dump(home())).reports!.map((r) => r[0] as number));
    for (const copy of [there, back]) {
      const run = await onCopy(copy, ['tests/support/copy-reader-worker.ts', ada.email, password, ada.id, course]);
      expect(run.code, run.err).toBe(0);
      const seen = JSON.parse(run.out) as { signedIn: boolean; status: unknown; reportId: number; searchHits: number };
      expect(seen.signedIn).toBe(true);
      expect(seen.status).toEqual(expected);
      // The fourth report was deleted: its id is not handed out again.
      expect(seen.reportId).toBe(maxReportId + 2);
      expect(seen.searchHits).toBeGreaterThan(0);
    }
  }, 300_000);

  it('reports a row changed after the copy, and the command exits non-zero', async () => {
    const target = await freshDatabase('sqlite');
    expect((await copyDatabase({ from: home(), to: target })).ok).toBe(true);
    expect((await verifyDatabases({ from: home(), to: target })).ok).toBe(true);
    const file = new Database((target as { file: string }).file);
    file.prepare('update lesson_progress set watched_seconds = watched_seconds + 0.001 where rowid = (select min(rowid) from lesson_progress)').run();
    file.close();
    const report = await verifyDatabases({ from: home(), to: target });
    expect(report.ok).toBe(false);
    expect(report.tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(['lesson_progress']);
    const changed = report.tables.find((t) => t.table === 'lesson_progress')!;
    expect(changed.targetRows).toBe(changed.sourceRows);
    const from = engine() === 'sqlite' ? process.env.DATABASE_URL! : (home() as { url: string }).url;
    const command = await onCopy(target, ['scripts/db-copy.ts', '--from', from, '--to', (target as { file: string }).file, '--verify']);
    expect(command.code).toBe(1);
    expect(command.out).toMatch(/lesson_progress\s+\S+\s+[0-9a-f]{16}\s+MISMATCH/);
    expect(command.out).toMatch(/users\s+\S+\s+[0-9a-f]{16}\s+ok/);
  }, 300_000);

  it('refuses a target with rows unless --force, which empties it in the same transaction', async () => {
    const target = await freshDatabase('postgres');
    expect((await copyDatabase({ from: home(), to: target })).ok).toBe(true);
    const before = await dump(target);
    await expect(copyDatabase({ from: back, to: target })).rejects.toThrow(CopyRefused);
    await expect(copyDatabase({ from: back, to: target })).rejects.toThrow(/is not empty \(rows in .*users.*\): nothing was copied.*--force/);
    expect(await dump(target)).toEqual(before);
    expect((await copyDatabase({ from: back, to: target, force: true })).ok).toBe(true);
    expect(await dump(target)).toEqual(await dump(back));
  }, 300_000);

  it('writes nothing when the copy fails half-way (a value that does not fit its column)', async () => {
    const broken = await freshDatabase('sqlite');
    expect((await copyDatabase({ from: home(), to: broken })).ok).toBe(true);
    const file = new Database((broken as { file: string }).file);
    file.prepare("update reports set video_time = 'soon' where id = (select max(id) from reports)").run();
    file.close();
    const target = await freshDatabase('postgres');
    await expect(copyDatabase({ from: broken, to: target, batchSize: 5 })).rejects.toThrow(/reports\.video_time: "soon" is not a valid integer value/);
    const left = await dump(target);
    for (const spec of copiedTables()) expect(left[spec.name], spec.name).toEqual([]);
  }, 300_000);

  it('refuses a source that does not exist or is not migrated, and the same database on both sides', async () => {
    const missing: Location = { engine: 'sqlite', file: path.join(os.tmpdir(), `aula-missing-${randomUUID()}.sqlite`) };
    await expect(copyDatabase({ from: missing, to: await freshDatabase('sqlite') })).rejects.toThrow(/does not exist/);
    await expect(copyDatabase({ from: await freshDatabase('postgres'), to: await freshDatabase('sqlite') })).rejects.toThrow(/not an Aula database.*db:migrate/);
    await expect(copyDatabase({ from: home(), to: home() })).rejects.toThrow(/the same database/);
  }, 120_000);
});
