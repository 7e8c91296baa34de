import type { ReactNode } from 'react';
import { DataTable, type Column } from '@/components/ui/DataTable';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { reportRef } from '@/lib/reports/ref';
import type { Report } from '@/lib/reports/types';

type Props = {
  reports: Report[];
  caption: string;
  locale: Locale;
  t: Translate;
  /** Where a report's reference links to (the editor's page, or the lesson for its sender). */
  hrefOf: (report: Report) => string;
  /** The lesson column, shown only where reports span lessons (the editors' queue). */
  lessonOf?: (report: Report) => ReactNode;
  testId?: string;
};

/** The one table of error reports: reference, status, lesson, where, message (escaped, shortened), date. */
export function ReportTable({ reports, caption, locale, t, hrefOf, lessonOf, testId }: Props) {
  const columns: Column<Report>[] = [
    { key: 'ref', header: t('editor.reference'), rowHeader: true, cell: (report) => <a href={hrefOf(report)}>{reportRef(report.id)}</a>, cellProps: () => ({ className: 'nowrap' }) },
    { key: 'status', header: t('editor.status'), cell: (report) => <span className={`status status--${report.status}`}>{t(`reportStatus.${report.status}`)}</span> },
    ...(lessonOf ? [{ key: 'lesson', header: t('editor.lesson'), cell: lessonOf }] : []),
    { key: 'where', header: t('editor.where'), cell: (report) => t(`reportWhere.${report.target}`) },
    {
      key: 'message',
      header: t('editor.message'),
      cell: (report) => (report.message.length > 140 ? `${report.message.slice(0, 139)}…` : report.message),
      cellProps: () => ({ className: 'user-text' }),
    },
    { key: 'date', header: t('editor.date'), cell: (report) => formatDateTime(report.createdAt, locale), cellProps: () => ({ className: 'small' }) },
  ];
  return <DataTable caption={caption} columns={columns} rows={reports} rowKey={(report) => String(report.id)} rowProps={(report) => ({ 'data-report': String(report.id) })} variant="stack" testId={testId} />;
}
