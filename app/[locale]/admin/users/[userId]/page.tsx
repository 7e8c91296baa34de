import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AdminNav } from '@/components/admin/AdminNav';
import { RoleChangeForm } from '@/components/admin/RoleChangeForm';
import { requireUser } from '@/lib/auth/guard';
import { firstValues, userListHref, userListSchema } from '@/lib/admin/schemas';
import { findUser } from '@/lib/admin/users';
import { roles } from '@/lib/auth/roles';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string; userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const roleParam = z.enum(roles).optional().catch(undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('admin.confirm.heading'), robots: { index: false } } : {};
}

/** The confirmation step of a role change: the question and one button (step two of two). */
export default async function ConfirmRolePage({ params, searchParams }: Props) {
  const { locale, userId } = await params;
  if (!isLocale(locale)) notFound();
  await requireUser(locale, `/${locale}/admin/users/${encodeURIComponent(userId)}`, 'admin');
  const user = await findUser(userId);
  if (!user) notFound();
  const raw = firstValues(await searchParams);
  const role = roleParam.parse(raw.role);
  // The list's filter rides along, so confirming (or cancelling) lands on the same filtered page.
  const back = userListSchema.parse(raw);
  const t = getTranslator(locale);

  return (
    <div className="admin">
      <h1>{t('admin.confirm.heading')}</h1>
      <AdminNav locale={locale} t={t} current="users" />
      <div className="card form-card">
        {!role || role === user.role ? (
          <p>{t('admin.confirm.same', { name: user.name, role: t(`admin.roles.${user.role}`) })}</p>
        ) : (
          <>
            <p data-testid="confirm-question">{t('admin.confirm.question', { name: user.name, email: user.email, from: t(`admin.roles.${user.role}`), to: t(`admin.roles.${role}`) })}</p>
            <p className="muted small">{t('admin.confirm.effect')}</p>
            <RoleChangeForm locale={locale} userId={user.id} role={role} back={back} labels={{ submit: t('admin.confirm.submit') }} />
          </>
        )}
        <p>
          <a href={userListHref(locale, back)}>{t('admin.confirm.cancel')}</a>
        </p>
      </div>
    </div>
  );
}
