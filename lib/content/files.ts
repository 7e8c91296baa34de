import 'server-only';
import { isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { lessonParams } from './index';

/** Params for per-locale files of every lesson (`it.vtt`, `en.txt`…), for prerendering. */
export function lessonFileParams(extension: string) {
  return lessonParams().flatMap((params) => locales.map((locale) => ({ ...params, file: `${locale}.${extension}` })));
}

/** `en.vtt` → `en`, when the extension matches and the locale exists. */
export function localeOfFile(file: string, extension: string): Locale | undefined {
  const [locale, ext] = file.split('.');
  return ext === extension && isLocale(locale) ? locale : undefined;
}
