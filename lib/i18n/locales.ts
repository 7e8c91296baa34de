export const locales = ['it', 'en', 'es', 'fr', 'zh'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'it';
export const localeCookie = 'NEXT_LOCALE';

/** Names each language in itself, for the language selector. */
export const localeNames: Record<Locale, string> = {
  it: 'Italiano',
  en: 'English',
  es: 'Español',
  fr: 'Français',
  zh: '中文',
};

/** The BCP 47 tag for `<html lang>` and hreflang. */
export const localeTags: Record<Locale, string> = {
  it: 'it',
  en: 'en',
  es: 'es',
  fr: 'fr',
  zh: 'zh-Hans',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
