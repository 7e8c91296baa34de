import { IntlMessageFormat } from 'intl-messageformat';
import { localeTags, type Locale } from './locales';
import { interpolate, type MessageVars } from './interpolate';

// ICU messages (plural, select, number) through intl-messageformat, compiled once
// per locale and template. Server-side only in practice: client components get
// their labels already formatted, or with plain {name} slots that `interpolate`
// fills in the browser, so the ICU parser never ships to the browser.

const compiled = new Map<string, IntlMessageFormat>();

function compile(template: string, locale: Locale): IntlMessageFormat {
  const key = `${locale}\u0000${template}`;
  let message = compiled.get(key);
  if (!message) {
    // ignoreTag: "<" in our texts is text, not rich-text markup.
    message = new IntlMessageFormat(template, localeTags[locale], undefined, { ignoreTag: true });
    compiled.set(key, message);
  }
  return message;
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The names of the plain {name} arguments of a message (nested ones too). */
function plainArguments(elements: Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === 1 && element.value) names.add(element.value);
    for (const option of Object.values(element.options ?? {})) plainArguments(option.value, names);
  }
  return names;
}

/**
 * Formats an ICU message in a locale. A plain {name} without a value stays as
 * written, so a label can leave a slot for the browser to fill (`interpolate`);
 * a plural or number argument needs its value (without it, or for a template
 * that does not parse, the text comes back with its slots filled plainly: a
 * wrong label, never a failed page).
 */
export function formatMessage(template: string, locale: Locale, vars: MessageVars = {}): string {
  try {
    const message = compile(template, locale);
    const slots: MessageVars = {};
    for (const name of plainArguments(message.getAst() as Element[])) if (!(name in vars)) slots[name] = `{${name}}`;
    // A count that arrives as digits (from a URL or an error code) is still a count.
    const values = Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, typeof value === 'string' && /^(0|[1-9]\d{0,14})$/.test(value) ? Number(value) : value]));
    return String(message.format({ ...slots, ...values }));
  } catch {
    return interpolate(template, vars);
  }
}
