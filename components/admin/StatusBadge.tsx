import type { LearnerStatus } from '@/db/admin';

export function StatusBadge({ status, label }: { status: LearnerStatus; label: string }) {
  return <span className={`badge badge--${status}`}>{label}</span>;
}
