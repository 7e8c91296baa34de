'use client';

import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';

// Kept here rather than in the catalogs: an error boundary ships with every
// page, and importing the catalogs would send all five of them to the browser.
const texts: Record<Locale, { title: string; body: string; retry: string }> = {
  it: { title: 'Qualcosa è andato storto', body: 'Non siamo riusciti a mostrare questa pagina. Riprova; se il problema continua, torna più tardi.', retry: 'Riprova' },
  en: { title: 'Something went wrong', body: 'We could not show this page. Try again; if the problem persists, come back later.', retry: 'Try again' },
  es: { title: 'Algo ha fallado', body: 'No hemos podido mostrar esta página. Inténtalo de nuevo; si el problema continúa, vuelve más tarde.', retry: 'Reintentar' },
  fr: { title: 'Un problème est survenu', body: 'Nous n’avons pas pu afficher cette page. Réessayez ; si le problème persiste, revenez plus tard.', retry: 'Réessayer' },
  zh: { title: '出了点问题', body: '无法显示此页面。请重试；如果问题仍然存在，请稍后再来。', retry: '重试' },
};

export default function LocaleError({ reset }: { error: Error; reset: () => void }) {
  // The page's language is the first path segment; no router hook needed for that.
  const segment = typeof window === 'undefined' ? undefined : window.location.pathname.split('/')[1];
  const text = texts[isLocale(segment) ? segment : defaultLocale];
  return (
    <div className="prose" role="alert">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <button className="button" type="button" onClick={reset}>
        {text.retry}
      </button>
    </div>
  );
}
