/** The reference number people quote: R-00042. */
export function reportRef(id: number): string {
  return `R-${String(id).padStart(5, '0')}`;
}

/** Accepts "R-00042", "r42" or "42". */
export function parseReportRef(value: string): number | undefined {
  const match = /^(?:r-?)?0*(\d{1,9})$/i.exec(value.trim());
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
