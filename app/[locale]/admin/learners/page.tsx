import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { Pager } from '@/components/ui/Pager';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { learnerStatuses, learnerTable, type LearnerSort } from '@/lib/admin/course';
import { dateTimeFormat } from '@/lib/admin/format';
import { requireUser } from '@/lib/auth/guard';
import { firstValues, learnerTableSchema, type LearnerTableParams } from '@/lib/admin/schemas';
import { listCourses } from '@/lib/content';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('admin.learners.heading'), robots: { index: false } } : {};
}

function queryString(query: LearnerTableParams, changes: Partial<LearnerTableParams>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.status) params.set('status', next.status);
  params.set('sort', next.sort);
  params.set('dir', next.dir);
  if (next.page > 1) params.set('page', String(next.page));
  return `?${params}`;
}

/** Learner × lesson: sortable, filterable, paginated on the server with plain links. */
export default async function AdminLearnersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = learnerTableSchema.parse(firstValues(await searchParams));
  await requireUser(locale, `/${locale}/admin/learners${queryString(query, {})}`, 'admin');
  const t = getTranslator(locale);
  const course = listCourses(locale)[0]!;
  const table = learnerTable(course.slug, locale, { search: query.q, status: query.status, sort: query.sort, direction: query.dir, page: query.page });
  const page = table.page;
  const when = dateTimeFormat(locale);
  const statusText = { notStarted: t('progress.notStarted'), inProgress: t('progress.inProgress'), complete: t('progress.complete') };

  const sortHeader = (sort: LearnerSort, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={queryString(query, { sort, dir, page: 1 })} data-sort={sort}>
          {label}
          {active && <span aria-hidden="true">{query.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        </a>
      </th>
    );
  };

  return (
    <div className="admin">
      <h1>{t('admin.learners.heading')}</h1>
      <AdminNav locale={locale} t={t} current="learners" />
      <p className="muted">{course.title}</p>
      <form className="filters" method="get" action={`/${locale}/admin/learners`} role="search" aria-label={t('admin.learners.filters')}>
        <div className="field">
          <label htmlFor="filter-q">{t('admin.learners.search')}</label>
          <input className="input" id="filter-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('admin.learners.status')}</label>
          <select className="input" id="filter-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">{t('admin.learners.anyStatus')}</option>
            {learnerStatuses.map((status) => (
              <option key={status} value={status}>
                {statusText[status]}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button className="button" type="submit">
          {t('admin.learners.filter')}
        </button>
      </form>
      <p role="status" data-testid="learner-count">
        {t('admin.learners.count', { count: new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale).format(table.total) })}
      </p>
      {table.learners.length === 0 ? (
        <p className="notice">{t('admin.learners.empty')}</p>
      ) : (
        <div className="table-scroll" data-testid="learner-table-scroll">
          <table className="data-table admin-table" data-testid="learner-table">
            <caption className="visually-hidden">{t('admin.learners.heading')}</caption>
            <thead>
              <tr>
                {sortHeader('name', t('admin.learners.name'))}
                {sortHeader('email', t('admin.learners.email'))}
                {course.lessons.map((lesson, i) => (
                  <th scope="col" key={lesson.slug} className="admin-table__lesson">
                    <abbr title={lesson.title}>{t('admin.learners.lessonShort', { number: i + 1 })}</abbr>
                  </th>
                ))}
                {sortHeader('percent', t('admin.learners.coursePercent'))}
                {sortHeader('activity', t('admin.learners.lastActivity'))}
              </tr>
            </thead>
            <tbody>
              {table.learners.map((learner) => (
                <tr key={learner.id} data-email={learner.email}>
                  <th scope="row">
                    <a href={`/${locale}/admin/learners/${learner.id}`}>{learner.name}</a>
                  </th>
                  <td>{learner.email}</td>
                  {learner.lessons.map((cell) => (
                    <td key={cell.lesson} data-lesson={cell.lesson}>
                      <span className="admin-table__coverage">{cell.coverage}%</span> <StatusBadge status={cell.status} label={statusText[cell.status]} compact />
                    </td>
                  ))}
                  <td data-testid="course-percent">{learner.coursePercent}%</td>
                  <td>{learner.lastActivity ? when.format(learner.lastActivity) : t('admin.learners.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={table.pages} href={(n) => queryString(query, { page: n })} t={t} />
    </div>
  );
}
