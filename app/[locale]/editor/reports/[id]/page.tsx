import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CorrectionCard } from '@/components/reports/editor/CorrectionCard';
import { PassageCard } from '@/components/reports/editor/PassageCard';
import { ReportCard } from '@/components/reports/editor/ReportCard';
import { StatusCard } from '@/components/reports/editor/StatusCard';
import { Notice } from '@/components/ui/Notice';
import { requireUser } from '@/lib/auth/guard';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { reportDetail } from '@/lib/reports/detail';
import { parseReportRef, reportRef } from '@/lib/reports/ref';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  const n = parseReportRef(id);
  return { title: getTranslator(locale)('editor.reportTitle', { ref: n ? reportRef(n) : '' }), robots: { index: false } };
}

const doneKeys = { statusChanged: 'editor.statusChanged', applied: 'editor.applied', reverted: 'editor.reverted' } as const;

/** One report: the passage in context, the report, its history, and the editor's actions. */
export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, id: rawId } = await params;
  if (!isLocale(locale)) notFound();
  const id = parseReportRef(rawId);
  await requireUser(locale, `/${locale}/editor/reports/${rawId}`, 'editor');
  const detail = id ? await reportDetail(id, locale) : undefined;
  if (!detail) notFound();
  const t = getTranslator(locale);
  const done = (await searchParams).done;
  const doneKey = typeof done === 'string' && done in doneKeys ? doneKeys[done as keyof typeof doneKeys] : undefined;
  const { report } = detail;

  return (
    <div className="report-detail">
      <p>
        <a href={`/${locale}/editor`}>← {t('editor.back')}</a>
      </p>
      <h1>
        {t('editor.reportTitle', { ref: reportRef(report.id) })}{' '}
        <span className={`status status--${report.status}`} data-testid="report-status">
          {t(`reportStatus.${report.status}`)}
        </span>
      </h1>
      {doneKey && <Notice tone="success">{t(doneKey)}</Notice>}
      <PassageCard detail={detail} t={t} />
      <ReportCard report={report} locale={locale} t={t} />
      <StatusCard detail={detail} locale={locale} t={t} />
      {detail.correction && <CorrectionCard reportId={report.id} status={report.status} hasSuggestion={Boolean(report.suggestion)} correction={detail.correction} locale={locale} t={t} />}
    </div>
  );
}
