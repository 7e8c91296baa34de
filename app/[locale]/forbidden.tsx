import { getRequestLocale } from '@/lib/i18n/request-locale';
import { getTranslator } from '@/lib/i18n/messages';

/** Shown with status 403 when a signed-in person lacks the role a page needs (forbidden() in lib/auth/guard.ts). */
export default function LocaleForbidden() {
  const locale = getRequestLocale();
  const t = getTranslator(locale);
  return (
    <div className="prose" data-testid="forbidden">
      <title>{`${t('forbidden.title')} · Aula`}</title>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t('forbidden.home')}
        </a>
      </p>
    </div>
  );
}
