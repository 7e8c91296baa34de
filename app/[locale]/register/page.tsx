import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/AuthCard';
import { RegisterForm } from '@/components/auth/RegisterForm';
import { authPageContext } from '@/lib/auth/page-context';
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
  const { locale, next, t } = await authPageContext(params, searchParams);
  return (
    <AuthCard
      title={t('auth.registerTitle')}
      intro={t('auth.registerIntro')}
      other={{ text: t('auth.haveAccount'), label: t('auth.loginLink'), href: `/${locale}/login?next=${encodeURIComponent(next)}` }}
    >
      <RegisterForm
        locale={locale}
        next={next}
        labels={{
          name: t('auth.name'),
          email: t('auth.email'),
          password: t('auth.password'),
          passwordHint: t('auth.passwordHint'),
          showPassword: t('auth.showPassword'),
          submit: t('auth.submitRegister'),
        }}
      />
    </AuthCard>
  );
}
