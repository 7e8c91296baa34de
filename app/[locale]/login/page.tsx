import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/AuthCard';
import { LoginForm } from '@/components/auth/LoginForm';
import { Notice } from '@/components/ui/Notice';
import { localizeError } from '@/lib/http/form-errors';
import { authPageContext } from '@/lib/auth/page-context';
import { signInFailureMessage } from '@/lib/auth/sign-in-failure';
import { alternatesFor } from '@/lib/i18n/alternates';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('auth.loginTitle'), alternates: alternatesFor(locale, 'login'), robots: { index: false } };
}

/** Auth.js sends failed scripted/HTTP sign-ins here with ?error=…&code=…. */
function errorFromQuery(code: unknown, error: unknown, t: ReturnType<typeof getTranslator>): string | undefined {
  if (typeof code === 'string') return signInFailureMessage(code, t);
  return typeof error === 'string' ? localizeError('invalidCredentials', t) : undefined;
}

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale, query, next, t } = await authPageContext(params, searchParams);
  return (
    <AuthCard
      title={t('auth.loginTitle')}
      intro={t('auth.loginIntro')}
      other={{ text: t('auth.noAccount'), label: t('auth.registerLink'), href: `/${locale}/register?next=${encodeURIComponent(next)}` }}
    >
      {query.reset === '1' && <Notice tone="success">{t('account.resetDone')}</Notice>}
      {query.registered === '1' && <Notice>{t('auth.registeredSignIn')}</Notice>}
      <LoginForm
        locale={locale}
        next={next}
        initialError={errorFromQuery(query.code, query.error, t)}
        labels={{ email: t('auth.email'), password: t('auth.password'), submit: t('auth.submitLogin') }}
      />
      <p className="form-card__aside">
        <a href={`/${locale}/forgot-password`}>{t('account.forgotLink')}</a>
      </p>
    </AuthCard>
  );
}
