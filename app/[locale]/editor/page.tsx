import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportTable } from '@/components/reports/ReportTable';
import { countReportsByStatus, listReports, type ReportFilter } from '@/db/reports';
import { reportStatuses, reportTargets } from '@/db/schema';
import { listCourses } from '@/lib/content';
import { isLocale, localeNames, locales, type Locale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const pageSize = 20;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined => (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('editor.title'), robots: { index: false } };
}

/** The editors' queue: filters, counts per status, newest first, paginated. */
export default async function EditorQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const here = `/${locale}/editor`;
  await requireUser(locale, here, 'editor');
  const t = getTranslator(locale);

  const lessons = listCourses(locale).flatMap((course) => course.lessons);
  const filter: ReportFilter = {
    status: oneOf(reportStatuses, one(query.status)),
    lesson: oneOf(lessons.map((lesson) => lesson.slug), one(query.lesson)),
    locale: oneOf(locales, one(query.locale)),
    target: oneOf(reportTargets, one(query.where)),
  };
  const requested = Number(one(query.page) ?? '1');
  const counts = countReportsByStatus({ filter });
  const { rows, total } = listReports({ filter, limit: pageSize, offset: 0 });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(requested) && requested >= 1 && requested <= pages ? requested : 1;
  const shown = page === 1 ? rows : listReports({ filter, limit: pageSize, offset: (page - 1) * pageSize }).rows;
  const titleOf = new Map(lessons.map((lesson) => [lesson.slug, lesson.title]));
  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    const merged = { status: filter.status, lesson: filter.lesson, locale: filter.locale, where: filter.target, ...changes };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    const search = next.toString();
    return search ? `${here}?${search}` : here;
  };

  return (
    <>
      <h1>{t('editor.title')}</h1>
      <p className="muted">{t('editor.intro')}</p>
      <h2 className="visually-hidden">{t('editor.counts')}</h2>
      <ul className="status-counts" data-testid="status-counts">
        {reportStatuses.map((status) => (
          <li key={status}>
            <a className={`status status--${status}`} href={link({ status, page: undefined })} aria-current={filter.status === status ? 'true' : undefined} data-status={status}>
              {t(`reportStatus.${status}`)}: <span data-count>{counts[status] ?? 0}</span>
            </a>
          </li>
        ))}
      </ul>
      <form className="filters card" method="get" action={here}>
        <Select name="status" label={t('editor.status')} all={t('editor.all')} value={filter.status} options={reportStatuses.map((s) => [s, t(`reportStatus.${s}`)])} />
        <Select name="lesson" label={t('editor.lesson')} all={t('editor.all')} value={filter.lesson} options={lessons.map((l) => [l.slug, `${l.order}. ${l.title}`])} />
        <Select name="locale" label={t('editor.locale')} all={t('editor.all')} value={filter.locale} options={locales.map((l) => [l, localeNames[l]])} />
        <Select name="where" label={t('editor.where')} all={t('editor.all')} value={filter.target} options={reportTargets.map((w) => [w, t(`reportWhere.${w}`)])} />
        <button className="button" type="submit">
          {t('editor.filter')}
        </button>
      </form>
      {shown.length === 0 ? (
        <p className="notice notice--info">{t('editor.empty')}</p>
      ) : (
        <ReportTable
          reports={shown}
          locale={locale as Locale}
          t={t}
          hrefOf={(report) => `/${locale}/editor/reports/${report.id}`}
          lessonOf={(report) => (
            <>
              {titleOf.get(report.lesson) ?? report.lesson} <span className="muted small">({report.locale})</span>
            </>
          )}
          testId="report-table"
        />
      )}
      <nav className="pager" aria-label={t('editor.page', { n: page, total: pages })}>
        {page > 1 ? <a href={link({ page: String(page - 1) })}>← {t('editor.previous')}</a> : <span />}
        <span className="muted">{t('editor.page', { n: page, total: pages })}</span>
        {page < pages ? <a href={link({ page: String(page + 1) })}>{t('editor.next')} →</a> : <span />}
      </nav>
    </>
  );
}

function Select({ name, label, all, value, options }: { name: string; label: string; all: string; value?: string; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} className="input" defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
