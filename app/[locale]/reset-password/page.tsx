import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/AuthCard';
import { ActionForm } from '@/components/ui/ActionForm';
import { Notice } from '@/components/ui/Notice';
import { resetPasswordAction } from '@/lib/account/actions';
import { resetLinkWorks } from '@/lib/account/password-reset';
import { authPageContext } from '@/lib/auth/page-context';
import { passwordMaxLength } from '@/lib/auth/password-policy';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('account.resetTitle'), robots: { index: false } } : {};
}

/** Where a reset e-mail's link lands: a new password, or at once a clear "this link no longer works". */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale, query, t } = await authPageContext(params, searchParams);
  const token = typeof query.token === 'string' ? query.token : '';
  const forgot = { text: '', label: t('account.newLink'), href: `/${locale}/forgot-password` };
  if (!(await resetLinkWorks(token))) {
    return (
      <AuthCard title={t('account.resetTitle')} intro="" other={forgot}>
        <Notice tone="error">{t('account.linkInvalid')}</Notice>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('account.resetTitle')} intro={t('account.resetIntro')}>
      <ActionForm
        id="reset"
        action={resetPasswordAction}
        hidden={{ locale, token }}
        fields={[{ kind: 'input', name: 'password', type: 'password', label: t('account.newPassword'), hint: t('auth.passwordHint'), autoComplete: 'new-password', maxLength: passwordMaxLength }]}
        submit={t('account.saveNewPassword')}
      />
    </AuthCard>
  );
}
