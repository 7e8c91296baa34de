import { localeTags, type Locale } from '@/lib/i18n/locales';

// Numbers, dates, times and durations for people to read: one module, on Intl,
// in the page's locale (localeTags: our locale → BCP 47 tag). Dates are shown in
// UTC, and date-times say so, because server-rendered pages cannot know the
// reader's time zone.

const hourMs = 3_600_000;

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(localeTags[locale], { maximumFractionDigits: 1, ...options }).format(value);
}

/** A date: "1 dicembre 2026". */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A date and time: "1 dic 2026, 14:05 UTC". */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}

/** A moment within the next days: "martedì 1 dicembre, 23:02 UTC". */
export function formatWeekdayTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(localeTags[locale], { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}

/** A duration as hours under two days, else days, in the locale's words (Intl units, no catalog keys). */
export function formatSpan(ms: number, locale: Locale): string {
  const [value, unit] = ms < 48 * hourMs ? [ms / hourMs, 'hour'] : [ms / (24 * hourMs), 'day'];
  return new Intl.NumberFormat(localeTags[locale], { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

/** Whole minutes, at least 1, for "12 min" labels. */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** m:ss for video positions. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
