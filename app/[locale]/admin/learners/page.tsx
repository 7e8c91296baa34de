import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { CsvDownload } from '@/components/admin/CsvDownload';
import { Pager } from '@/components/ui/Pager';
import { StatusBadge } from '@/components/admin/StatusBadge';
import { DataTable, type Column } from '@/components/ui/DataTable';
import { learnerStatuses, learnerTable, type AdminLearner, type LearnerSort } from '@/lib/admin/course';
import { formatDateTime } from '@/lib/format';
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
  const table = await learnerTable(course.slug, locale, { search: query.q, status: query.status, sort: query.sort, direction: query.dir, page: query.page });
  const page = table.page;
  const statusText = { notStarted: t('progress.notStarted'), inProgress: t('progress.inProgress'), complete: t('progress.complete') };

  const sortable = (sort: LearnerSort, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return {
      header: (
        <a href={queryString(query, { sort, dir, page: 1 })} data-sort={sort}>
          {label}
          {active && <span aria-hidden="true">{query.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        </a>
      ),
      headerProps: { 'aria-sort': active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined } as const,
    };
  };
  // Name and e-mail share a column (both sortable) and lessons are headed by their number and title, so the table fits 1280 px.
  const columns: Column<AdminLearner>[] = [
    {
      key: 'name',
      header: (
        <>
          {sortable('name', t('admin.learners.name')).header} · {sortable('email', t('admin.learners.email')).header}
        </>
      ),
      headerProps: query.sort === 'email' ? sortable('email', '').headerProps : sortable('name', '').headerProps,
      rowHeader: true,
      cell: (learner) => (
        <>
          <a href={`/${locale}/admin/learners/${learner.id}`}>{learner.name}</a>
          <span className="admin-table__email">{learner.email}</span>
        </>
      ),
    },
    ...course.lessons.map(
      (lesson, i): Column<AdminLearner> => ({
        key: lesson.slug,
        header: (
          <span className="admin-table__lesson-title" title={lesson.title}>
            {i + 1} · {lesson.title}
          </span>
        ),
        headerProps: { className: 'admin-table__lesson' },
        cellProps: () => ({ 'data-lesson': lesson.slug }),
        cell: (learner) => {
          const cell = learner.lessons[i]!;
          return (
            <>
              <span className="admin-table__coverage">{cell.coverage}%</span> <StatusBadge status={cell.status} label={statusText[cell.status]} compact />
            </>
          );
        },
      }),
    ),
    { key: 'percent', ...sortable('percent', t('admin.learners.coursePercent')), cell: (learner) => `${learner.coursePercent}%`, cellProps: () => ({ 'data-testid': 'course-percent' }) },
    { key: 'activity', ...sortable('activity', t('admin.learners.lastActivity')), cell: (learner) => (learner.lastActivity ? formatDateTime(learner.lastActivity, locale) : t('admin.learners.never')), cellProps: () => ({ className: 'admin-table__date' }) },
  ];

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
      <div className="admin__heading">
        <p role="status" data-testid="learner-count">
          {t('admin.learners.count', { count: table.total })}
        </p>
        <CsvDownload locale={locale} course={course.slug} filters={{ q: query.q, status: query.status }} label={t('admin.csvFor')} t={t} />
      </div>
      <p className="muted small">{t('admin.learners.legend')}</p>
      {table.learners.length === 0 ? (
        <p className="notice">{t('admin.learners.empty')}</p>
      ) : (
        <DataTable
          caption={t('admin.learners.heading')}
          columns={columns}
          rows={table.learners}
          rowKey={(learner) => learner.id}
          rowProps={(learner) => ({ 'data-email': learner.email })}
          variant="wide"
          testId="learner-table"
        />
      )}
      <Pager page={page} pages={table.pages} href={(n) => queryString(query, { page: n })} t={t} />
    </div>
  );
}
