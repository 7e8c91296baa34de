import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionsCard } from '@/components/account/SessionsCard';
import { ActionForm } from '@/components/ui/ActionForm';
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  resendVerificationAction,
  updateProfileAction,
} from '@/lib/account/actions';
import { accountView } from '@/lib/account/profile';
import { requireUser } from '@/lib/auth/guard';
import { passwordMaxLength } from '@/lib/auth/password-policy';
import { isLocale, localeNames, locales } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('account.title'), robots: { index: false } } : {};
}

/** The learner's account: profile and language, address, password, devices, their data, and deleting it all. */
export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, `/${locale}/me/account`);
  const view = await accountView(user.id, user.sessionId);
  if (!view) notFound();
  const t = getTranslator(locale);
  const password = (name: string, label: string, autoComplete: string) => ({ kind: 'input' as const, name, label, type: 'password' as const, autoComplete, maxLength: passwordMaxLength });

  return (
    <div className="account">
      <h1>{t('account.title')}</h1>
      <p className="muted prose">{t('account.intro')}</p>

      <section className="card account__section" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profileTitle')}</h2>
        <ActionForm
          id="profile"
          action={updateProfileAction}
          hidden={{ locale }}
          fields={[
            { kind: 'input', name: 'name', label: t('account.name'), autoComplete: 'name', maxLength: 100, defaultValue: view.name },
            { kind: 'select', name: 'language', label: t('account.language'), options: locales.map((value) => ({ value, label: localeNames[value] })), defaultValue: view.language ?? locale },
          ]}
          submit={t('account.save')}
        />
      </section>

      <section className="card account__section" aria-labelledby="email-title" data-testid="account-email">
        <h2 id="email-title">{t('account.emailTitle')}</h2>
        <p>
          {t('account.emailCurrent', { email: view.email })}{' '}
          <span className={`badge ${view.emailVerified ? 'badge--ok' : 'badge--warn'}`}>{view.emailVerified ? t('account.verified') : t('account.notVerified')}</span>
        </p>
        {!view.emailVerified && (
          <>
            <p className="muted">{t('account.unverifiedIntro')}</p>
            <ActionForm id="resend" action={resendVerificationAction} hidden={{ locale }} submit={t('account.resend')} quiet />
          </>
        )}
        <ActionForm
          id="email"
          action={changeEmailAction}
          hidden={{ locale }}
          fields={[{ kind: 'input', name: 'email', type: 'email', label: t('account.newEmail'), autoComplete: 'email', maxLength: 254 }, password('currentPassword', t('account.currentPassword'), 'current-password')]}
          submit={t('account.changeEmail')}
        />
      </section>

      <section className="card account__section" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.passwordTitle')}</h2>
        <ActionForm
          id="password"
          action={changePasswordAction}
          hidden={{ locale }}
          fields={[password('currentPassword', t('account.currentPassword'), 'current-password'), { ...password('password', t('account.newPassword'), 'new-password'), hint: t('auth.passwordHint') }]}
          submit={t('account.changePassword')}
        />
      </section>

      <SessionsCard sessions={view.sessions} locale={locale} t={t} />

      <section className="card account__section" aria-labelledby="data-title">
        <h2 id="data-title">{t('account.dataTitle')}</h2>
        <p className="muted">{t('account.dataIntro')}</p>
        <a className="button button--quiet" href="/api/me/export" download data-testid="account-export">
          {t('account.export')}
        </a>
      </section>

      <section className="card account__section account__danger" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('account.deleteTitle')}</h2>
        <p className="muted">{t('account.deleteIntro')}</p>
        <ActionForm
          id="delete"
          action={deleteAccountAction}
          hidden={{ locale }}
          fields={[password('currentPassword', t('account.currentPassword'), 'current-password'), { kind: 'checkbox', name: 'confirm', value: 'yes', label: t('account.deleteConfirm') }]}
          submit={t('account.delete')}
        />
      </section>
    </div>
  );
}
