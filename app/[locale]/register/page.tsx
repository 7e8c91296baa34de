import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RegisterForm } from '@/components/auth/RegisterForm';
import { safeLocalPath } from '@/lib/http/safe-redirect';
import { alternatesFor } from '@/lib/i18n/alternates';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: getTranslator(locale)('auth.registerTitle'), alternates: alternatesFor(locale, 'register'), robots: { index: false } };
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  const t = getTranslator(locale);
  const next = safeLocalPath(typeof query.next === 'string' ? query.next : undefined, `/${locale}`);
  return (
    <div className="card form-card">
      <h1>{t('auth.registerTitle')}</h1>
      <p className="muted">{t('auth.registerIntro')}</p>
      <RegisterForm
        locale={locale}
        next={next}
        labels={{
          name: t('auth.name'),
          email: t('auth.email'),
          password: t('auth.password'),
          passwordHint: t('auth.passwordHint'),
          submit: t('auth.submitRegister'),
        }}
      />
      <p className="muted" style={{ marginTop: '1rem' }}>
        {t('auth.haveAccount')} <a href={`/${locale}/login?next=${encodeURIComponent(next)}`}>{t('auth.loginLink')}</a>
      </p>
    </div>
  );
}
