import type { ReactNode } from 'react';
import type { Report } from '@/lib/reports/types';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/reports/format';
import { reportRef } from '@/lib/reports/ref';

type Props = {
  reports: Report[];
  locale: Locale;
  t: Translate;
  /** Where a report's reference links to (the editor's page, or the lesson for its sender). */
  hrefOf: (report: Report) => string;
  /** The lesson column, shown only where reports span lessons (the editors' queue). */
  lessonOf?: (report: Report) => ReactNode;
  testId?: string;
};

/** The one table of error reports: reference, status, lesson, where, message (escaped, shortened), date. */
export function ReportTable({ reports, locale, t, hrefOf, lessonOf, testId }: Props) {
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('editor.reference')}</th>
            <th scope="col">{t('editor.status')}</th>
            {lessonOf && <th scope="col">{t('editor.lesson')}</th>}
            <th scope="col">{t('editor.where')}</th>
            <th scope="col">{t('editor.message')}</th>
            <th scope="col">{t('editor.date')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id} data-report={report.id}>
              <td className="nowrap">
                <a href={hrefOf(report)}>{reportRef(report.id)}</a>
              </td>
              <td>
                <span className={`status status--${report.status}`}>{t(`reportStatus.${report.status}`)}</span>
              </td>
              {lessonOf && <td>{lessonOf(report)}</td>}
              <td>{t(`reportWhere.${report.target}`)}</td>
              <td className="user-text">{report.message.length > 140 ? `${report.message.slice(0, 139)}…` : report.message}</td>
              <td className="small">{formatDateTime(report.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
