import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/AuthCard';
import { ActionForm } from '@/components/ui/ActionForm';
import { Notice } from '@/components/ui/Notice';
import { confirmEmailAction } from '@/lib/account/actions';
import { emailConfirmations } from '@/lib/account/verification';
import { authPageContext } from '@/lib/auth/page-context';
import { isLocale } from '@/lib/i18n/locales';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getTranslator(locale)('account.verifyTitle'), robots: { index: false } } : {};
}

/**
 * Where a verification e-mail's link lands. Confirming takes a press of a
 * button (a POST), so a mail scanner that follows links does not use the link.
 */
export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { locale, query, t } = await authPageContext(params, searchParams);
  const done = emailConfirmations.find((outcome) => outcome === query.done);
  if (done) {
    return (
      <AuthCard title={t('account.verifyTitle')} intro="" other={{ text: '', label: t('account.continue'), href: `/${locale}/me/account` }}>
        <Notice tone={done === 'verified' || done === 'changed' ? 'success' : 'error'}>{t(`account.verifyDone.${done}`)}</Notice>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('account.verifyTitle')} intro={t('account.verifyIntro')}>
      <ActionForm id="verify" action={confirmEmailAction} hidden={{ locale, token: typeof query.token === 'string' ? query.token : '' }} submit={t('account.verifySubmit')} />
    </AuthCard>
  );
}
