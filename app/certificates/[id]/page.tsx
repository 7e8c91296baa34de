import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { certificateView } from '@/lib/certificates/view';
import { requestLanguage } from '@/lib/i18n/request-language';
import { getTranslator } from '@/lib/i18n/messages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const certificate = await certificateView((await params).id, await requestLanguage());
  if (!certificate) return { title: `${getTranslator(await requestLanguage())('errors.certificateInvalid')} · Aula`, robots: { index: false } };
  return { title: `${getTranslator(certificate.locale)('certificate.title')} · ${certificate.learnerName}`, robots: { index: false } };
}

/** Public verification, in the learner's language: anyone with the link can see who completed what, and when. */
export default async function CertificatePage({ params }: Props) {
  const certificate = await certificateView((await params).id, await requestLanguage());
  // A wrong code: this segment's not-found page says so, with status 404.
  if (!certificate) notFound();
  const { locale } = certificate;
  const t = getTranslator(locale);
  return (
    <div className="certificate card" data-testid="certificate">
      <p className="certificate__brand">
        <a className="brand" href={`/${locale}`}>
          Aul<span>a</span>
        </a>
      </p>
      <h1>{t('certificate.title')}</h1>
      <p className="notice notice--success">✓ {t('certificate.verified')}</p>
      <p className="certificate__name" data-testid="certificate-name">
        {certificate.learnerName}
      </p>
      <p className="certificate__statement" data-testid="certificate-statement">
        {t('certificate.statement')}
      </p>
      <p className="certificate__course" data-testid="certificate-course">
        {t('certificate.courseTitle', { title: certificate.courseTitle })}
      </p>
      <p>{t('certificate.on', { date: certificate.date })}</p>
      <p className="muted small">
        {t('certificate.code')}: <code>{certificate.id}</code>
      </p>
      <p>
        <a className="button" href={`/certificates/${certificate.id}/pdf`} download>
          {t('certificate.download')}
        </a>
      </p>
    </div>
  );
}
