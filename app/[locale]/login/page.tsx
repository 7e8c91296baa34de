import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { localizeError } from '@/lib/http/form-errors';
import { safeLocalPath } from '@/lib/http/safe-redirect';
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
  if (typeof code === 'string') {
    const throttled = /^throttled-(\d+)$/.exec(code);
    if (throttled) return localizeError('tooManyAttempts', t, { minutes: throttled[1]! });
  }
  return typeof error === 'string' ? localizeError('invalidCredentials', t) : undefined;
}

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const t = getTranslator(locale);
  const next = safeLocalPath(typeof query.next === 'string' ? query.next : undefined, `/${locale}`);
  return (
    <div className="card form-card">
      <h1>{t('auth.loginTitle')}</h1>
      <p className="muted">{t('auth.loginIntro')}</p>
      <LoginForm
        locale={locale}
        next={next}
        initialError={errorFromQuery(query.code, query.error, t)}
        labels={{ email: t('auth.email'), password: t('auth.password'), submit: t('auth.submitLogin') }}
      />
      <p className="muted" style={{ marginTop: '1rem' }}>
        {t('auth.noAccount')} <a href={`/${locale}/register?next=${encodeURIComponent(next)}`}>{t('auth.registerLink')}</a>
      </p>
    </div>
  );
}
