import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminNav } from '@/components/admin/AdminNav';
import { Pager } from '@/components/ui/Pager';
import { DataTable } from '@/components/ui/DataTable';
import { Notice } from '@/components/ui/Notice';
import { requireUser } from '@/lib/auth/guard';
import { firstValues, userListSchema } from '@/lib/admin/schemas';
import { findUser, userList } from '@/lib/admin/users';
import { roles } from '@/lib/auth/roles';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('admin.users.heading'), robots: { index: false } } : {};
}

/** Users and roles: search, page, and pick a new role (confirmed on the next page). */
export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const raw = firstValues(await searchParams);
  const query = userListSchema.parse(raw);
  await requireUser(locale, `/${locale}/admin/users`, 'admin');
  const t = getTranslator(locale);
  const { rows, total, page, pages } = await userList({ search: query.q, page: query.page });
  const changed = raw.changed ? await findUser(raw.changed) : undefined;
  const href = (n: number) => `?${new URLSearchParams({ ...(query.q && { q: query.q }), ...(n > 1 && { page: String(n) }) })}`;

  return (
    <div className="admin">
      <h1>{t('admin.users.heading')}</h1>
      <AdminNav locale={locale} t={t} current="users" />
      {changed && (
        <Notice tone="success">
          <p data-testid="role-changed">{t('admin.users.changed', { email: changed.email, role: t(`admin.roles.${changed.role}`) })}</p>
        </Notice>
      )}
      <form className="filters" method="get" action={`/${locale}/admin/users`} role="search" aria-label={t('admin.users.search')}>
        <div className="field">
          <label htmlFor="users-q">{t('admin.users.search')}</label>
          <input className="input" id="users-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} />
        </div>
        <button className="button" type="submit">
          {t('admin.learners.filter')}
        </button>
      </form>
      <p role="status">{t('admin.users.count', { count: total })}</p>
      <DataTable
        caption={t('admin.users.heading')}
        rows={rows}
        rowKey={(user) => user.id}
        rowProps={(user) => ({ 'data-email': user.email })}
        testId="user-table"
        columns={[
          { key: 'name', header: t('admin.learners.name'), rowHeader: true, cell: (user) => user.name },
          { key: 'email', header: t('admin.learners.email'), cell: (user) => user.email },
          { key: 'role', header: t('admin.users.role'), cell: (user) => t(`admin.roles.${user.role}`), cellProps: () => ({ 'data-testid': 'user-role' }) },
          {
            key: 'change',
            header: t('admin.users.newRole'),
            cell: (user) => (
              // A GET to the confirmation page: nothing changes until it is confirmed there.
              <form className="inline-form" method="get" action={`/${locale}/admin/users/${user.id}`}>
                <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                  {t('admin.users.newRoleFor', { name: user.name })}
                </label>
                {query.q && <input type="hidden" name="q" value={query.q} />}
                {page > 1 && <input type="hidden" name="page" value={page} />}
                <select className="input input--inline" id={`role-${user.id}`} name="role" defaultValue={user.role}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`admin.roles.${role}`)}
                    </option>
                  ))}
                </select>
                <button className="button button--small" type="submit">
                  {t('admin.users.change')}
                </button>
              </form>
            ),
          },
        ]}
      />
      <Pager page={page} pages={pages} href={href} t={t} />
    </div>
  );
}
