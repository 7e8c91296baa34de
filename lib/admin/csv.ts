import type { Locale } from '@/lib/i18n/locales';

/**
 * CSV for spreadsheets. A cell that starts with = + - @ (or a tab or CR)
 * would run as a formula in Excel or LibreOffice: it gets a leading
 * apostrophe. Cells are quoted when they hold either separator, a quote or a
 * line break (so a cell reads the same in both kinds of file).
 */
export type CsvSeparator = ',' | ';';
export const csvSeparators = [';', ','] as const;

/** Excel reads `;` where the decimal mark is a comma (Italian, French, Spanish) and `,` in English and Chinese. */
export function separatorFor(locale: Locale): CsvSeparator {
  return locale === 'en' || locale === 'zh' ? ',' : ';';
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[], separator: CsvSeparator = ','): string {
  return `${cells.map(csvCell).join(separator)}\r\n`;
}

/** The byte-order mark, so that spreadsheets read the file as UTF-8 (accents, Chinese names). */
export const utf8Bom = '\uFEFF';
