import { getRequestLocale } from '@/lib/i18n/request-locale';
import { getTranslator } from '@/lib/i18n/messages';

/** Shown with status 403 when a signed-in user lacks the role (forbidden() in lib/admin/guard.ts). */
export default function LocaleForbidden() {
  const locale = getRequestLocale();
  const t = getTranslator(locale);
  return (
    <div className="prose" data-testid="forbidden">
      <title>{`${t('admin.forbidden.title')} · Aula`}</title>
      <h1>{t('admin.forbidden.title')}</h1>
      <p>{t('admin.forbidden.body')}</p>
      <p>
        <a className="button" href={`/${locale}`}>
          {t('admin.forbidden.home')}
        </a>
      </p>
    </div>
  );
}
