import 'server-only';
import path from 'node:path';
import { claimDueMail, countMailByStatus, insertMail, listUndeliveredMail, markMailFailed, markMailSent } from '@/db/mail';
import { dataDir, env, siteUrl } from '@/lib/env';
import { isLocale, defaultLocale, type Locale } from '@/lib/i18n/locales';
import { retryDelayMs } from './rules';
import { renderMail, type MailKind, type MailValues } from './templates';
import { outboxTransport, smtpTransport, type MailTransport } from './transport';

export type { MailKind, MailValues } from './templates';

let transport: MailTransport | undefined;

/** SMTP when SMTP_URL is set, else the outbox folder under data/. */
export function mailTransport(): MailTransport {
  if (!transport) {
    const from = env().MAIL_FROM ?? `Aula <no-reply@${new URL(siteUrl()).hostname}>`;
    const url = env().SMTP_URL;
    transport = url ? smtpTransport(url, from) : outboxTransport(path.join(dataDir(), 'outbox'), from);
  }
  return transport;
}

/** For tests: a transport of their own. */
export function useMailTransport(next: MailTransport | undefined): void {
  transport = next;
}

/**
 * Queues a message and tries to send it at once, without waiting: the user's
 * action never blocks on, or fails because of, the mail server. What cannot be
 * sent now is retried by the worker.
 */
export async function sendMail<K extends MailKind>(kind: K, to: string, locale: Locale, values: MailValues[K], now = new Date()): Promise<void> {
  await insertMail({ mail: { recipient: to, locale, kind, payload: JSON.stringify(values), nextAttemptAt: now, createdAt: now } });
  void deliverDueMail().catch((error: unknown) => console.error('mail delivery failed:', (error as Error).message));
}

/** Sends what is due (claimed, so two workers never send the same message); failures are scheduled again with back-off. */
export async function deliverDueMail(now = new Date(), via: MailTransport = mailTransport()): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (const mail of (await claimDueMail({ now, leaseMs: 60_000, limit: 20 }))) {
    try {
      const locale = isLocale(mail.locale) ? mail.locale : defaultLocale;
      await via.send(mail.recipient, renderMail(mail.kind as MailKind, JSON.parse(mail.payload), locale));
      await markMailSent({ id: mail.id, now: new Date() });
      result.sent += 1;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const delay = retryDelayMs(attempts);
      const message = (error as Error).message.replace(/\s+/g, ' ').slice(0, 300);
      await markMailFailed({ id: mail.id, attempts, nextAttemptAt: new Date(now.getTime() + (delay ?? 0)), error: message, giveUp: delay === undefined });
      console.error(`mail ${mail.id} to ${mail.recipient} not sent (attempt ${attempts}): ${message}`);
      result.failed += 1;
    }
  }
  return result;
}

/** Retries on a timer in the serving process; returns the stop function. */
export function startMailWorker(everyMs = 15_000): () => void {
  const timer = setInterval(() => void deliverDueMail().catch(() => undefined), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** For admins: how many messages are sent, waiting or given up, and the undelivered ones with their last error. */
export async function mailStatus(limit = 20) {
  return { counts: await countMailByStatus(), undelivered: await listUndeliveredMail({ limit }) };
}
