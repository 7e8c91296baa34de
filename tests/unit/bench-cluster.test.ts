import { describe, expect, it } from 'vitest';
import type { Sample } from '../../scripts/bench/load';
import { formatTable, ratioOf, resultProblems, summarise, type PathResult } from '../../scripts/bench/report';
import { readSettings, SettingsError } from '../../scripts/bench/settings';

const sample = (reqPerSec: number, extra: Partial<Sample> = {}): Sample => ({
  reqPerSec, p50: 10, p99: 40, requests: reqPerSec * 8, non2xx: 0, statusCodes: { 200: reqPerSec * 8 }, errors: 0, timeouts: 0, bytesPerRequest: 1000, ...extra,
});

/** A quiz path measured on one instance (600 req/s), the reference (1,000) and, when given, the cluster. */
function quizPath(cluster?: Sample): PathResult {
  const aula = summarise([sample(600)]);
  const reference = summarise([sample(1000)]);
  const base: PathResult = { name: 'quiz', request: 'POST /it/x', referenceIs: 'dynamic page', referenceRequest: 'GET /dynamic/9', aula, reference, ratio: ratioOf(aula, reference), outcomes: { graded: 40 } };
  if (!cluster) return base;
  const side = summarise([cluster]);
  return { ...base, cluster: side, clusterRatio: ratioOf(side, aula), clusterOutcomes: { graded: 70, limited: 2 } };
}

describe('the bench’s cluster settings', () => {
  it('is off unless BENCH_CLUSTER=1 or --cluster, and then runs on PostgreSQL', () => {
    expect(readSettings({})).toMatchObject({ cluster: false, database: 'sqlite' });
    expect(readSettings({ BENCH_CLUSTER: '0' }).cluster).toBe(false);
    expect(readSettings({ BENCH_CLUSTER: '1' })).toMatchObject({ cluster: true, database: 'postgres' });
    expect(readSettings({}, ['--cluster'])).toMatchObject({ cluster: true, database: 'postgres' });
    expect(readSettings({ BENCH_CLUSTER: '1', BENCH_DATABASE: 'postgres' }).database).toBe('postgres');
  });

  it('reads the other arguments as before: --paths= and --database=', () => {
    expect(readSettings({}, ['--paths=admin', '--database=postgres'])).toMatchObject({ paths: ['admin'], database: 'postgres', cluster: false });
    expect(readSettings({ BENCH_PATHS: 'lesson' }, ['--paths=me,quiz']).paths).toEqual(['me', 'quiz']);
  });

  it('refuses a cluster on SQLite or with BENCH_TARGET, and any other value, naming the variable', () => {
    expect(() => readSettings({ BENCH_CLUSTER: '1', BENCH_DATABASE: 'sqlite' })).toThrow(/^BENCH_CLUSTER: .*PostgreSQL/);
    expect(() => readSettings({ BENCH_DATABASE: 'sqlite' }, ['--cluster'])).toThrow(SettingsError);
    expect(() => readSettings({ BENCH_CLUSTER: '1', BENCH_TARGET: 'http://127.0.0.1:8080' })).toThrow(/^BENCH_CLUSTER: .*BENCH_TARGET/);
    expect(() => readSettings({ BENCH_CLUSTER: 'yes' })).toThrow(/^BENCH_CLUSTER/);
  });
});

describe('the bench’s table with and without a cluster', () => {
  it('without one, prints the columns it always had and no cluster note', () => {
    const table = formatTable({ quiz: quizPath() });
    const [header] = table.split('\n');
    expect(header!.trim().split(/\s{2,}/)).toEqual(['path', 'Aula req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ref req/s', 'p50 ms', 'p99 ms', 'ratio', 'reference']);
    expect(table).toMatch(/quiz\s+600\s+10\s+40\s+0\s+1000\s+10\s+40\s+0\.60×\s+dynamic page/);
    expect(table).toContain('  quiz: 40 graded');
    expect(table).not.toMatch(/cluster/);
  });

  it('with one, adds cluster req/s, p99 and cluster ÷ one instance, keeping the ratio to the reference for the instance', () => {
    const table = formatTable({ quiz: quizPath(sample(1050, { p99: 75 })) });
    const [header] = table.split('\n');
    expect(header!.trim().split(/\s{2,}/)).toEqual(['path', 'Aula req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ref req/s', 'p50 ms', 'p99 ms', 'ratio', 'cluster req/s', 'p99 ms', '÷ one', 'reference']);
    expect(table).toMatch(/quiz\s+600\s+10\s+40\s+0\s+1000\s+10\s+40\s+0\.60×\s+1050\s+75\s+1\.75×\s+dynamic page/);
    expect(table).toContain('  quiz, Aula: 40 graded');
    expect(table).toContain('  quiz, cluster: 70 graded, 2 limited');
  });

  it('notes the cluster’s non-2xx answers and connection errors by side', () => {
    const table = formatTable({ quiz: quizPath(sample(900, { non2xx: 4, statusCodes: { 200: 7196, 502: 4 }, errors: 2, timeouts: 1 })) });
    expect(table).toContain('quiz, cluster: 4 × 502, 2 connection errors (1 timeouts)');
    expect(table).not.toMatch(/quiz, (Aula|reference): \d+ ×/);
  });

  it('shows dashes for a path that has no cluster figures in a run that has some', () => {
    const table = formatTable({ quiz: quizPath(sample(900)), other: { ...quizPath(), name: 'other', outcomes: undefined } });
    expect(table).toMatch(/other\s+600\s+10\s+40\s+0\s+1000\s+10\s+40\s+0\.60×\s+–\s+–\s+–\s+dynamic page/);
  });
});

describe('checking a results file with a cluster side', () => {
  it('accepts a cluster that served, and names one that served nothing', () => {
    expect(resultProblems({ paths: { quiz: quizPath(sample(900)) } }, ['quiz'])).toEqual([]);
    expect(resultProblems({ paths: { quiz: quizPath(sample(0)) } }, ['quiz'])).toEqual(['quiz: cluster req/s is 0']);
  });
});
