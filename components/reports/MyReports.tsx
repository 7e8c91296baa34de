import 'server-only';
import { listReportsOf } from '@/db/reports';
import type { Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/reports/format';
import { reportRef } from '@/lib/reports/ref';

/**
 * "My error reports", for /{locale}/me: the reports a person sent while signed
 * in, and those sent anonymously with the e-mail of their account.
 */
export function MyReports({ user, locale }: { user: { id: string; email: string }; locale: Locale }) {
  const t = getTranslator(locale);
  const reports = listReportsOf({ userId: user.id, email: user.email });
  return (
    <section className="card" aria-labelledby="my-reports-title" data-testid="my-reports">
      <h2 id="my-reports-title">{t('me.reports')}</h2>
      <p className="muted">{t('me.reportsIntro')}</p>
      {reports.length === 0 ? (
        <p>{t('me.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('editor.reference')}</th>
                <th scope="col">{t('editor.status')}</th>
                <th scope="col">{t('editor.where')}</th>
                <th scope="col">{t('editor.message')}</th>
                <th scope="col">{t('editor.date')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id} data-report={report.id}>
                  <td className="nowrap">
                    <a href={`/${report.locale}/courses/${report.course}/${report.lesson}`}>{reportRef(report.id)}</a>
                  </td>
                  <td>
                    <span className={`status status--${report.status}`}>{t(`reportStatus.${report.status}`)}</span>
                  </td>
                  <td>{t(`reportWhere.${report.target}`)}</td>
                  <td className="user-text">{report.message.length > 140 ? `${report.message.slice(0, 139)}…` : report.message}</td>
                  <td className="small">{formatDateTime(report.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
