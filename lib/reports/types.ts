// The reports feature's data types, for pages and components (which never import db/).
export type { Report, ReportStatus, ReportTarget } from '@/db/schema';
export type { ReportFilter, ReportWithReporter, EventWithUser } from '@/db/reports';
export type { OverrideWithUsers } from '@/db/corrections';
export { reportStatuses, reportTargets } from '@/db/schema';
