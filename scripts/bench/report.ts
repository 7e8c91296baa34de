import type { Sample } from './load';

/** One side of a path over all rounds: the median of each figure, and every round as measured. */
export type Side = Omit<Sample, 'requests'> & { requests: number; rounds: Sample[] };

export type PathResult = {
  name: string;
  request: string;
  referenceIs: string;
  referenceRequest: string;
  sizes?: { aula: number; reference: number };
  outcomes?: Record<string, number>;
  aula: Side;
  reference: Side;
  /** Aula req/s ÷ reference req/s (medians of the rounds). */
  ratio: number | null;
  /** With --cluster: two instances behind nginx (`aula` is then one of them, measured directly). */
  cluster?: Side;
  /** Cluster req/s ÷ one instance's req/s. */
  clusterRatio?: number | null;
  /** The cluster side's outcomes (quiz), as `outcomes` are the single instance's. */
  clusterOutcomes?: Record<string, number>;
};

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Rounds → one side: medians of req/s, p50 and p99; counts (requests, non-2xx, errors, status codes) summed. */
export function summarise(rounds: Sample[]): Side {
  const statusCodes: Record<string, number> = {};
  for (const round of rounds) for (const [code, n] of Object.entries(round.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    reqPerSec: Math.round(median(rounds.map((r) => r.reqPerSec)) * 10) / 10,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests: sum(rounds.map((r) => r.requests)),
    non2xx: sum(rounds.map((r) => r.non2xx)),
    statusCodes,
    errors: sum(rounds.map((r) => r.errors)),
    timeouts: sum(rounds.map((r) => r.timeouts)),
    bytesPerRequest: Math.round(median(rounds.map((r) => r.bytesPerRequest))),
    rounds,
  };
}

export function ratioOf(aula: Side, reference: Side): number | null {
  return reference.reqPerSec > 0 ? Math.round((aula.reqPerSec / reference.reqPerSec) * 100) / 100 : null;
}

const pad = (text: string, width: number, left = false) => (left ? text.padEnd(width) : text.padStart(width));

const times = (ratio: number | null) => (ratio === null ? '–' : `${ratio.toFixed(2)}×`);

/**
 * The printed table: one line per path, Aula beside its reference, and notes on what was refused or throttled.
 * A run with a cluster adds its req/s, p99 and cluster ÷ one instance before the reference's description.
 */
export function formatTable(paths: Record<string, PathResult>): string {
  const all = Object.values(paths);
  const withCluster = all.some((p) => p.cluster);
  const header = ['path', 'Aula req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'ref req/s', 'p50 ms', 'p99 ms', 'ratio', ...(withCluster ? ['cluster req/s', 'p99 ms', '÷ one'] : []), 'reference'];
  const rows = all.map((p) => [
    p.name,
    p.aula.reqPerSec.toFixed(0),
    String(p.aula.p50),
    String(p.aula.p99),
    String(p.aula.non2xx + p.aula.errors),
    p.reference.reqPerSec.toFixed(0),
    String(p.reference.p50),
    String(p.reference.p99),
    times(p.ratio),
    ...(withCluster ? (p.cluster ? [p.cluster.reqPerSec.toFixed(0), String(p.cluster.p99), times(p.clusterRatio ?? null)] : ['–', '–', '–']) : []),
    p.referenceIs,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i === 0 || i === cells.length - 1)).join('  ');
  const notes: string[] = [];
  for (const p of all) {
    const sides = [['Aula', p.aula], ['reference', p.reference], ...(p.cluster ? [['cluster', p.cluster] as const] : [])] as const;
    for (const [side, s] of sides) {
      const odd = Object.entries(s.statusCodes).filter(([code]) => !code.startsWith('2'));
      if (odd.length > 0 || s.errors > 0) notes.push(`${p.name}, ${side}: ${[...odd.map(([code, n]) => `${n} × ${code}`), ...(s.errors ? [`${s.errors} connection errors (${s.timeouts} timeouts)`] : [])].join(', ')}`);
    }
    const outcomes = (o: Record<string, number>) => Object.entries(o).map(([what, n]) => `${n} ${what}`).join(', ');
    if (p.outcomes) notes.push(`${p.name}${p.clusterOutcomes ? ', Aula' : ''}: ${outcomes(p.outcomes)}`);
    if (p.clusterOutcomes) notes.push(`${p.name}, cluster: ${outcomes(p.clusterOutcomes)}`);
    if (p.sizes) notes.push(`${p.name}: Aula ${p.sizes.aula} B of HTML, reference ${p.sizes.reference} B (${p.referenceRequest})`);
  }
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...notes.map((n) => `  ${n}`)].join('\n');
}

/** Why a results file is not a complete run of `ids` (empty when it is): every path, req/s > 0 on both sides (and the cluster's, when measured), only 2xx from the reference, a ratio. */
export function resultProblems(results: { paths?: Record<string, Partial<PathResult>> }, ids: string[]): string[] {
  const problems: string[] = [];
  for (const id of ids) {
    const p = results.paths?.[id];
    if (!p) problems.push(`${id}: missing`);
    else {
      if (!(Number(p.aula?.reqPerSec) > 0)) problems.push(`${id}: Aula req/s is ${p.aula?.reqPerSec}`);
      if (!(Number(p.reference?.reqPerSec) > 0)) problems.push(`${id}: reference req/s is ${p.reference?.reqPerSec}`);
      // The bare app answers every request it is sent with a 2xx; anything else means it measured a refusal (a session it does not know).
      if (Number(p.reference?.non2xx) > 0) problems.push(`${id}: the reference answered ${p.reference?.non2xx} requests with a non-2xx status`);
      if (typeof p.ratio !== 'number' || !Number.isFinite(p.ratio) || p.ratio <= 0) problems.push(`${id}: no ratio (${p.ratio})`);
      if (p.cluster && !(Number(p.cluster.reqPerSec) > 0)) problems.push(`${id}: cluster req/s is ${p.cluster.reqPerSec}`);
    }
  }
  return problems;
}
