import it from '@/messages/it.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import zh from '@/messages/zh.json';
import { formatMessage } from './format-message';
import type { MessageVars } from './interpolate';
import type { Locale } from './locales';

export { interpolate, type MessageVars } from './interpolate';

/** The Italian catalog is the reference: every other catalog must have its keys. */
export type Messages = typeof it;

export const catalogs: Record<Locale, Messages> = { it, en, es, fr, zh };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** `t(key, vars)`: the locale's message (Italian if missing), formatted as ICU (plural, select, numbers). */
export function getTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => {
    const own = lookup(messages, key);
    if (own !== undefined) return formatMessage(own, locale, vars);
    const italian = lookup(catalogs.it, key);
    return italian === undefined ? key : formatMessage(italian, 'it', vars);
  };
}
