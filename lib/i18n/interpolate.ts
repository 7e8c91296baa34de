export type MessageVars = Record<string, string | number>;

/**
 * Fills the plain {name} slots that a server-formatted label leaves for the
 * browser (a time, a percent known only there). Messages are formatted on the
 * server with `formatMessage` (ICU: plural, select, numbers); client components
 * get the result as props and only fill slots, so the ICU parser stays off the
 * browser's bundle. A name without a value stays as written.
 */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
