import { requestLanguage } from '@/lib/i18n/request-language';
import { getTranslator } from '@/lib/i18n/messages';

/** A code that matches no certificate: said plainly in the visitor's language (status 404). */
export default async function CertificateNotFound() {
  const locale = await requestLanguage();
  const t = getTranslator(locale);
  return (
    <div className="certificate card" data-testid="certificate-invalid">
      <title>{`${t('errors.certificateInvalid')} · Aula`}</title>
      <p className="certificate__brand">
        <a className="brand" href={`/${locale}`}>
          Aul<span>a</span>
        </a>
      </p>
      <h1>{t('errors.certificateInvalid')}</h1>
      <p>{t('certificate.invalidBody')}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t('certificate.home')}
        </a>
      </p>
    </div>
  );
}
