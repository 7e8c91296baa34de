import { localeTags, type Locale } from '@/lib/i18n/locales';

export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
