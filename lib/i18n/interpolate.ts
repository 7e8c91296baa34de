export type MessageVars = Record<string, string | number>;

/**
 * The one way a message's {placeholders} are filled, on the server (`t`) and in
 * client components (which get their labels as props). A name without a
 * value stays as written.
 */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
