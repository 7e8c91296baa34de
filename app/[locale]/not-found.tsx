import { getRequestLocale } from '@/lib/i18n/request-locale';
import { getTranslator } from '@/lib/i18n/messages';

export default function LocaleNotFound() {
  const locale = getRequestLocale();
  const t = getTranslator(locale);
  return (
    <div className="prose">
      <title>{`${t('notFound.title')} · Aula`}</title>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t('notFound.home')}
        </a>
      </p>
    </div>
  );
}
