import { Notice } from '@/components/ui/Notice';
import type { Locale } from '@/lib/i18n/locales';

/** Shown when the lesson's text is not translated into the page's language and Italian stands in. */
export function FallbackNotice({ locale, textLocale, message }: { locale: Locale; textLocale: Locale; message: string }) {
  if (locale === textLocale) return null;
  return (
    <div data-testid="fallback-notice">
      <Notice tone="info">{message}</Notice>
    </div>
  );
}
