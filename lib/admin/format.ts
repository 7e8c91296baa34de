import type { Locale } from '@/lib/i18n/locales';

const hour = 3_600_000;

/** A duration as hours under two days, else days, in the locale's words (Intl units, no catalog keys). */
export function formatSpan(ms: number, locale: Locale): string {
  const tag = locale === 'zh' ? 'zh-CN' : locale;
  const [value, unit] = ms < 48 * hour ? [ms / hour, 'hour'] : [ms / (24 * hour), 'day'];
  return new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

export function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
}
