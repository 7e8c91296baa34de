import { getRequestLocale } from '@/lib/i18n/request-locale';
import { getTranslator } from '@/lib/i18n/messages';

/** 403 for signed-in people without the role a page needs (see forbidden() in lib/reports/guard.ts). */
export default function LocaleForbidden() {
  const locale = getRequestLocale();
  const t = getTranslator(locale);
  return (
    <div className="prose">
      <title>{`${t('editor.forbiddenTitle')} · Aula`}</title>
      <h1>{t('editor.forbiddenTitle')}</h1>
      <p>{t('editor.forbiddenBody')}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t('notFound.home')}
        </a>
      </p>
    </div>
  );
}
