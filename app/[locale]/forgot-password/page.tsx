import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/AuthCard';
import { ActionForm } from '@/components/ui/ActionForm';
import { requestResetAction } from '@/lib/account/actions';
import { authPageContext } from '@/lib/auth/page-context';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('account.forgotTitle'), robots: { index: false } } : {};
}

/** "Forgot your password?": an address in, the same answer out whether or not it has an account. */
export default async function ForgotPasswordPage({ params, searchParams }: Props) {
  const { locale, t } = await authPageContext(params, searchParams);
  return (
    <AuthCard title={t('account.forgotTitle')} intro={t('account.forgotIntro')} other={{ text: '', label: t('auth.loginLink'), href: `/${locale}/login` }}>
      <ActionForm
        id="forgot"
        action={requestResetAction}
        hidden={{ locale }}
        fields={[{ kind: 'input', name: 'email', type: 'email', label: t('auth.email'), autoComplete: 'email', maxLength: 254 }]}
        submit={t('account.sendLink')}
      />
    </AuthCard>
  );
}
