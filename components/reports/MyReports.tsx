import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { Report } from '@/lib/reports/types';
import { ReportTable } from './ReportTable';

/**
 * "My error reports", for /{locale}/me: the reports a person sent while signed
 * in, and those sent anonymously with the e-mail of their account.
 */
export function MyReports({ reports, locale, t }: { reports: Report[]; locale: Locale; t: Translate }) {
  return (
    <section className="card" aria-labelledby="my-reports-title" data-testid="my-reports">
      <h2 id="my-reports-title">{t('me.reports')}</h2>
      <p className="muted">{t('me.reportsIntro')}</p>
      {reports.length === 0 ? (
        <p>{t('me.empty')}</p>
      ) : (
        <ReportTable reports={reports} caption={t('me.reports')} locale={locale} t={t} hrefOf={(report) => `/${report.locale}/courses/${report.course}/${report.lesson}`} />
      )}
    </section>
  );
}
