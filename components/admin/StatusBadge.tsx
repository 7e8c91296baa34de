import type { LearnerStatus } from '@/lib/admin/course';

const marks: Record<LearnerStatus, string> = { notStarted: '–', inProgress: '◐', complete: '✓' };

/** A status as a badge; `compact` shows a mark with the word for screen readers and as a tooltip, for the wide learner table. */
export function StatusBadge({ status, label, compact = false }: { status: LearnerStatus; label: string; compact?: boolean }) {
  if (!compact) return <span className={`badge badge--${status}`}>{label}</span>;
  return (
    <span className={`badge badge--compact badge--${status}`} title={label}>
      <span aria-hidden="true">{marks[status]}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
