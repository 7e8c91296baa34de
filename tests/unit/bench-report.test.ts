import { describe, expect, it } from 'vitest';
import { LearnerPool, type Learner } from '../../scripts/bench/learners';
import type { Sample } from '../../scripts/bench/load';
import { formatTable, median, ratioOf, resultProblems, summarise, type PathResult } from '../../scripts/bench/report';
import { readSettings, selectPaths, SettingsError } from '../../scripts/bench/settings';

const sample = (reqPerSec: number, extra: Partial<Sample> = {}): Sample => ({
  reqPerSec, p50: 10, p99: 40, requests: reqPerSec * 8, non2xx: 0, statusCodes: { 200: reqPerSec * 8 }, errors: 0, timeouts: 0, bytesPerRequest: 1000, ...extra,
});

describe('the bench’s figures: median of the rounds, ratio to the reference', () => {
  it('takes the median of each figure over the rounds', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([800, 900])).toBe(850);
    const side = summarise([sample(800, { p50: 30, p99: 90 }), sample(900, { p50: 20, p99: 120 }), sample(1000, { p50: 25, p99: 60 })]);
    expect(side).toMatchObject({ reqPerSec: 900, p50: 25, p99: 90, requests: 21_600 });
  });

  it('sums the counts, status by status, so a 429 in any round shows', () => {
    const side = summarise([sample(100, { non2xx: 3, statusCodes: { 200: 797, 429: 3 } }), sample(100, { statusCodes: { 200: 800 } })]);
    expect(side.non2xx).toBe(3);
    expect(side.statusCodes).toEqual({ 200: 1597, 429: 3 });
    expect(side.rounds).toHaveLength(2);
  });

  it('divides Aula’s req/s by the reference’s, and has no ratio without a reference figure', () => {
    expect(ratioOf(summarise([sample(450)]), summarise([sample(500)]))).toBe(0.9);
    expect(ratioOf(summarise([sample(450)]), summarise([sample(0)]))).toBeNull();
  });

  it('prints one line per path with the ratio, and notes throttled requests and quiz outcomes', () => {
    const aula = summarise([sample(300, { non2xx: 5, statusCodes: { 200: 2395, 429: 5 } })]);
    const reference = summarise([sample(1000)]);
    const paths: Record<string, PathResult> = {
      heartbeat: { name: 'heartbeat', request: 'POST /api/progress', referenceIs: 'upsert', referenceRequest: 'POST /api/upsert', aula, reference, ratio: ratioOf(aula, reference), outcomes: { graded: 7 } },
    };
    const table = formatTable(paths);
    expect(table).toMatch(/heartbeat\s+300\s+10\s+40\s+5\s+1000\s+10\s+40\s+0\.30×\s+upsert/);
    expect(table).toContain('heartbeat, Aula: 5 × 429');
    expect(table).toContain('heartbeat: 7 graded');
  });
});

describe('checking a results file (the smoke run in npm test)', () => {
  const good = { aula: { reqPerSec: 10 }, reference: { reqPerSec: 20 }, ratio: 0.5 } as unknown as PathResult;

  it('accepts every path measured on both sides with a ratio', () => {
    expect(resultProblems({ paths: { lesson: good, me: good } }, ['lesson', 'me'])).toEqual([]);
  });

  it('names a missing path, a side that served nothing, and a missing ratio', () => {
    const problems = resultProblems(
      { paths: { lesson: { ...good, aula: { ...good.aula, reqPerSec: 0 } }, me: { ...good, ratio: null } } },
      ['lesson', 'me', 'quiz'],
    );
    expect(problems).toEqual(['lesson: Aula req/s is 0', 'me: no ratio (null)', 'quiz: missing']);
    expect(resultProblems({}, ['lesson'])).toEqual(['lesson: missing']);
  });

  it('names a reference that refused requests (the same-work routes answer 401 to a session they do not know)', () => {
    const refused = { ...good, reference: { reqPerSec: 20, non2xx: 3 } } as unknown as PathResult;
    expect(resultProblems({ paths: { 'me-work': refused } }, ['me-work'])).toEqual(['me-work: the reference answered 3 requests with a non-2xx status']);
  });
});

describe('settings from the environment', () => {
  it('defaults to the issue’s run: 32 connections, 8 s, two rounds, 10,000 learners for the admin', () => {
    expect(readSettings({})).toMatchObject({ connections: 32, seconds: 8, rounds: 2, warmupSeconds: 2, learners: 1000, adminLearners: 10_000, paths: ['default'], out: 'bench-results/latest.json' });
  });

  it('has a smoke preset (1 s, one round, few connections) that single variables still override', () => {
    expect(readSettings({ BENCH_SMOKE: '1' })).toMatchObject({ smoke: true, seconds: 1, rounds: 1, connections: 2 });
    expect(readSettings({ BENCH_SMOKE: '1', BENCH_CONNECTIONS: '8' }).connections).toBe(8);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => readSettings({ BENCH_SECONDS: 'eight' })).toThrow(/^BENCH_SECONDS/);
    expect(() => readSettings({ BENCH_CONNECTIONS: '0' })).toThrow(SettingsError);
    expect(() => readSettings({ BENCH_TARGET: 'ftp://x' })).toThrow(/^BENCH_TARGET/);
    expect(readSettings({ BENCH_TARGET: 'http://127.0.0.1:8080/' }).target).toBe('http://127.0.0.1:8080');
  });

  it('selects paths by id or group, and lists the known names for an unknown one', () => {
    const all = [{ id: 'lesson', group: 'default' }, { id: 'admin', group: 'default' }, { id: 'admin-learners', group: 'admin' }];
    expect(selectPaths(all, ['default']).map((p) => p.id)).toEqual(['lesson', 'admin']);
    expect(selectPaths(all, ['admin']).map((p) => p.id)).toEqual(['admin', 'admin-learners']);
    expect(selectPaths(all, ['all'])).toHaveLength(3);
    expect(() => selectPaths(all, ['lessons'])).toThrow(/unknown lessons \(known: lesson, admin, admin-learners, default, all\)/);
  });
});

describe('the learner pool', () => {
  const learner = (index: number): Learner => ({ index, email: `l${index}`, cookie: `c${index}`, beats: 0, quizzes: 0 });

  it('hands learners out in turn, so requests spread evenly over them', () => {
    const pool = new LearnerPool(Array.from({ length: 200 }, (_, i) => learner(i)));
    const counts = new Map<number, number>();
    for (let i = 0; i < 6000; i++) {
      const { index } = pool.next();
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    // 6,000 heartbeats over 200 learners: 30 each, the most a learner may send in a minute.
    expect(new Set(counts.values())).toEqual(new Set([30]));
  });

  it('refuses to be empty', () => {
    expect(() => new LearnerPool([])).toThrow(/empty/);
  });
});
