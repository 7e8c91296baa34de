import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/format';
import type { ReportWithReporter } from '@/lib/reports/types';

/** What the reporter wrote, who they are and how to reach them. */
export function ReportCard({ report, locale, t }: { report: ReportWithReporter; locale: Locale; t: Translate }) {
  return (
    <section className="card" aria-labelledby="report-body-title">
      <h2 id="report-body-title">{t('editor.report')}</h2>
      <p className="user-text" data-testid="report-message">
        {report.message}
      </p>
      <h3>{t('editor.suggestion')}</h3>
      <p className="user-text" data-testid="report-suggestion">
        {report.suggestion ?? t('editor.none')}
      </p>
      <dl className="definition">
        <dt>{t('editor.reporter')}</dt>
        <dd data-testid="report-reporter">{report.reporterName ? `${report.reporterName} <${report.reporterEmail}>` : t('editor.anonymous')}</dd>
        <dt>{t('editor.replyTo')}</dt>
        <dd data-testid="report-email">{report.email ?? report.reporterEmail ?? t('editor.none')}</dd>
        <dt>{t('editor.date')}</dt>
        <dd>{formatDateTime(report.createdAt, locale)}</dd>
      </dl>
    </section>
  );
}
