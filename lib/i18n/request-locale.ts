import 'server-only';
import { cache } from 'react';
import { defaultLocale, type Locale } from './locales';

// Per-request holder: the [locale] layout records the locale so that
// not-found.tsx (which gets no params) can speak the same language.
const holder = cache(() => ({ locale: defaultLocale as Locale }));

export function setRequestLocale(locale: Locale): void {
  holder().locale = locale;
}

export function getRequestLocale(): Locale {
  return holder().locale;
}
