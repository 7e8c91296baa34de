/**
 * CSV for spreadsheets. A cell that starts with = + - @ (or a tab or CR)
 * would run as a formula in Excel or LibreOffice: it gets a leading
 * apostrophe. Cells are quoted when they hold a comma, quote or line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark, so that spreadsheets read the file as UTF-8 (accents, Chinese names). */
export const utf8Bom = '\uFEFF';
