import type { ReportStatus } from '@/db/schema';

export { reportStatuses, type ReportStatus } from '@/db/schema';

/**
 * The review workflow: new → in review → accepted / rejected → applied.
 * Rejected and accepted reports can be reopened (back to in review); reverting
 * an applied correction puts its report back to accepted.
 */
const transitions: Record<ReportStatus, readonly ReportStatus[]> = {
  new: ['in_review', 'rejected'],
  in_review: ['accepted', 'rejected'],
  accepted: ['applied', 'in_review'],
  rejected: ['in_review'],
  applied: ['accepted'],
};

export function nextStatuses(from: ReportStatus): readonly ReportStatus[] {
  return transitions[from];
}

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses an editor sets by hand; `applied` for paragraph and summary reports comes from applying a correction. */
export function manualStatuses(from: ReportStatus, correctable: boolean): readonly ReportStatus[] {
  return transitions[from].filter((to) => !(correctable && (to === 'applied' || (from === 'applied' && to === 'accepted'))));
}
