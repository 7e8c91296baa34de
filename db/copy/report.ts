import type { CopyReport } from './index';

/** The table db:copy prints: per table its rows, checksum (first 16 hex digits) and whether both sides agree. */
export function formatCopyReport(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  const lines = [`${'table'.padEnd(width)}  ${'rows'.padStart(9)}  ${'checksum'.padEnd(16)}  ok`];
  for (const t of report.tables) {
    const rows = t.sourceRows.toLocaleString('en');
    lines.push(`${t.table.padEnd(width)}  ${rows.padStart(9)}  ${t.sourceChecksum.slice(0, 16)}  ${t.ok ? 'ok' : 'MISMATCH'}`);
    if (!t.ok) lines.push(`${''.padEnd(width)}  ${t.targetRows.toLocaleString('en').padStart(9)}  ${t.targetChecksum.slice(0, 16)}  ↑ the target's`);
  }
  return lines.join('\n');
}
