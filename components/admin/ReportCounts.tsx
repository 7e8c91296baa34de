import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { reportStatuses, type ReportStatus } from '@/lib/reports/types';

/** Error reports by status, each linking to the editors' queue filtered on it. */
export function ReportCounts({ counts, locale, t }: { counts: Partial<Record<ReportStatus, number>>; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="admin-reports" data-testid="admin-reports">
      <h2 id="admin-reports">{t('editor.counts')}</h2>
      <dl className="stat-grid">
        {reportStatuses.map((status) => (
          <div key={status} className="card stat" data-report-status={status}>
            <dt>
              <a href={`/${locale}/editor?status=${status}`}>{t(`reportStatus.${status}`)}</a>
            </dt>
            <dd>{counts[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
