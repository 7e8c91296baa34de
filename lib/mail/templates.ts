import { getTranslator, type MessageKey } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';

/** Every e-mail Aula sends, with the values its text needs. */
export type MailValues = {
  verifyEmail: { name: string; link: string; hours: number };
  changeEmail: { name: string; link: string; hours: number };
  resetPassword: { name: string; link: string; minutes: number };
  accountExists: { link: string; secondaryLink: string };
  reportUpdate: { ref: string; outcome: 'applied' | 'rejected'; lesson: string; note: string | null; link: string };
};
export type MailKind = keyof MailValues;
export const mailKinds = ['verifyEmail', 'changeEmail', 'resetPassword', 'accountExists', 'reportUpdate'] as const satisfies readonly MailKind[];

export type RenderedMail = { subject: string; text: string; html: string; link: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The parts every message has: a greeting, paragraphs, one main link (and maybe a second), the signature. */
function compose(parts: { subject: string; greeting: string; paragraphs: string[]; action: { label: string; href: string }; secondary?: { label: string; href: string }; fallback: string; signature: string }): RenderedMail {
  const { subject, greeting, paragraphs, action, secondary, fallback, signature } = parts;
  const text = [greeting, ...paragraphs, `${action.label}: ${action.href}`, ...(secondary ? [`${secondary.label}: ${secondary.href}`] : []), `— ${signature}`].join('\n\n');
  const button = (link: { label: string; href: string }) =>
    `<a href="${escapeHtml(link.href)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#1d5fbf;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(link.label)}</a>`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem;margin:0 auto;padding:1rem">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>${button(action)}${secondary ? ` <a href="${escapeHtml(secondary.href)}">${escapeHtml(secondary.label)}</a>` : ''}</p>
<p style="font-size:0.9em;color:#555">${escapeHtml(fallback)}<br><span style="word-break:break-all">${escapeHtml(action.href)}</span></p>
<p>— ${escapeHtml(signature)}</p>
</body></html>`;
  return { subject, text, html, link: action.href };
}

/** A message in the recipient's language: plain text and HTML (every value escaped), and its main link. */
export function renderMail<K extends MailKind>(kind: K, values: MailValues[K], locale: Locale): RenderedMail {
  const t = getTranslator(locale);
  const m = (key: string, vars?: Record<string, string | number>) => t(`mail.${kind}.${key}` as MessageKey, vars);
  const common = { fallback: t('mail.linkFallback'), signature: t('mail.signature') };
  if (kind === 'reportUpdate') {
    const v = values as MailValues['reportUpdate'];
    const paragraphs = [m(v.outcome, { lesson: v.lesson }), ...(v.note ? [m('note', { note: v.note })] : [])];
    return compose({ subject: m('subject', { ref: v.ref }), greeting: m('greeting'), paragraphs, action: { label: m('action'), href: v.link }, ...common });
  }
  if (kind === 'accountExists') {
    const v = values as MailValues['accountExists'];
    return compose({ subject: m('subject'), greeting: m('greeting'), paragraphs: [m('body'), t('mail.ignore')], action: { label: m('action'), href: v.link }, secondary: { label: m('secondary'), href: v.secondaryLink }, ...common });
  }
  const v = values as MailValues['verifyEmail'] | MailValues['resetPassword'];
  return compose({ subject: m('subject'), greeting: m('greeting', { name: v.name }), paragraphs: [m('body', v as Record<string, string | number>), t('mail.ignore')], action: { label: m('action'), href: v.link }, ...common });
}
