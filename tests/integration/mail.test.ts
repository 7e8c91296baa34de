import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changes, db, rows as allRows, tables } from '@/db/query';
import { deliverDueMail, mailStatus, sendMail, useMailTransport } from '@/lib/mail';
import { mailMaxAttempts, retryDelayMs } from '@/lib/mail/rules';
import { renderMail } from '@/lib/mail/templates';
import { outboxTransport, smtpTransport } from '@/lib/mail/transport';
import { startSmtpServer } from '../support/smtp';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { mailQueue } = tables();

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const from = 'Aula <aula@example.test>';

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  useMailTransport(undefined);
  await smtp.close();
});
beforeEach(async () => {
  (await changes(db().delete(mailQueue)));
  smtp.received.length = 0;
  smtp.refuseWith(null);
  // The worker is driven by the tests: sendMail's immediate attempt goes nowhere until a transport is set.
  useMailTransport({ kind: 'smtp', send: () => Promise.reject(new Error('not in this test')) });
});

const rows = async () => await allRows(db().select().from(mailQueue));

describe('mail through a real SMTP server', () => {
  it('a queued message is delivered in the recipient’s language, as text and HTML, and its values are not kept', async () => {
    const t0 = new Date('2031-01-01T10:00:00Z');
    (await changes(db().insert(mailQueue).values({ recipient: 'lia@example.com', locale: 'it', kind: 'verifyEmail', payload: JSON.stringify({ name: 'Lia', link: 'https://aula.test/it/verify?token=abc', hours: 48 }), nextAttemptAt: t0, createdAt: t0 })));
    expect(await deliverDueMail(t0, smtpTransport(smtp.url, from))).toEqual({ sent: 1, failed: 0 });
    const [mail] = smtp.received;
    expect(mail?.subject).toBe('Conferma il tuo indirizzo e-mail');
    expect(mail?.from?.text).toBe('"Aula" <aula@example.test>');
    expect(mail?.text).toContain('Ciao Lia,');
    expect(mail?.text).toContain('https://aula.test/it/verify?token=abc');
    expect(mail?.html).toContain('href="https://aula.test/it/verify?token=abc"');
    expect((await rows())[0]).toMatchObject({ status: 'sent', payload: '{}', attempts: 0 });
  });

  it('a refused message is kept and retried with back-off until the server takes it', async () => {
    const t0 = new Date('2031-01-02T10:00:00Z');
    const transport = smtpTransport(smtp.url, from);
    (await changes(db().insert(mailQueue).values({ recipient: 'ugo@example.com', locale: 'fr', kind: 'resetPassword', payload: JSON.stringify({ name: 'Ugo', link: 'https://aula.test/fr/reset?token=x', minutes: 30 }), nextAttemptAt: t0, createdAt: t0 })));
    smtp.refuseWith('Mailbox busy, try later');
    expect(await deliverDueMail(t0, transport)).toEqual({ sent: 0, failed: 1 });
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rows())[0]!.lastError).toContain('Mailbox busy');
    expect((await rows())[0]!.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1)!);
    // Not due yet: nothing is tried.
    smtp.refuseWith(null);
    expect(await deliverDueMail(new Date(t0.getTime() + 1000), transport)).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueMail(new Date(t0.getTime() + retryDelayMs(1)!), transport)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received[0]?.subject).toBe('Réinitialisez votre mot de passe');
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives up after the last attempt, and admins see it with its error', async () => {
    const t0 = new Date('2031-01-03T10:00:00Z');
    (await changes(db().insert(mailQueue).values({ recipient: 'x@example.com', locale: 'en', kind: 'accountExists', payload: JSON.stringify({ link: 'https://a/l', secondaryLink: 'https://a/r' }), attempts: mailMaxAttempts - 1, nextAttemptAt: t0, createdAt: t0 })));
    smtp.refuseWith('No such user');
    await deliverDueMail(t0, smtpTransport(smtp.url, from));
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: mailMaxAttempts, payload: '{}' });
    const status = await mailStatus();
    expect(status.counts.failed).toBe(1);
    expect(status.undelivered[0]).toMatchObject({ recipient: 'x@example.com', status: 'failed' });
    expect(status.undelivered[0]).not.toHaveProperty('payload');
  });

  it('two workers at once send each message once', async () => {
    const t0 = new Date('2031-01-04T10:00:00Z');
    for (let i = 0; i < 6; i++) {
      (await changes(db().insert(mailQueue).values({ recipient: `p${i}@example.com`, locale: 'es', kind: 'accountExists', payload: JSON.stringify({ link: 'https://a/l', secondaryLink: 'https://a/r' }), nextAttemptAt: t0, createdAt: t0 })));
    }
    const transport = smtpTransport(smtp.url, from);
    const [a, b] = await Promise.all([deliverDueMail(t0, transport), deliverDueMail(t0, transport)]);
    expect(a.sent + b.sent).toBe(6);
    expect(smtp.received).toHaveLength(6);
  });

  it('sendMail queues and returns at once; the message goes out without the caller waiting', async () => {
    useMailTransport(smtpTransport(smtp.url, from));
    await sendMail('reportUpdate', 'reader@example.com', 'zh', { ref: 'R-00042', outcome: 'applied', lesson: 'Classificazione', note: null, link: 'https://aula.test/zh/x' });
    expect(await rows()).toHaveLength(1);
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]?.subject).toBe('你的报告 R-00042 有了新进展');
  });
});

describe('the message texts', () => {
  it('escape every value in the HTML', () => {
    const mail = renderMail('reportUpdate', { ref: 'R-1', outcome: 'rejected', lesson: '<script>alert(1)</script>', note: 'a & b "c"', link: 'https://a.test/?x="><img>' }, 'en');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('a &amp; b &quot;c&quot;');
    expect(mail.html).not.toContain('"><img>');
    expect(mail.text).toContain('Note from the editors: a & b "c"');
  });

  it('exist in every locale for every kind', () => {
    for (const locale of ['it', 'en', 'es', 'fr', 'zh'] as const) {
      const mail = renderMail('changeEmail', { name: 'N', link: 'https://a/x', hours: 24 }, locale);
      expect(mail.subject).not.toMatch(/^mail\./);
      expect(mail.text).toContain('24');
    }
  });
});

describe('the outbox (no SMTP_URL)', () => {
  it('writes an .eml file and prints the link', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aula-outbox-'));
    const lines: string[] = [];
    await outboxTransport(dir, from, (line) => lines.push(line)).send('lia@example.com', renderMail('resetPassword', { name: 'Lia', link: 'https://aula.test/it/reset?token=t', minutes: 30 }, 'it'));
    const [file] = readdirSync(dir);
    expect(file).toMatch(/\.eml$/);
    const eml = readFileSync(path.join(dir, file!), 'utf8');
    expect(eml).toContain('To: lia@example.com');
    expect(lines[0]).toContain('https://aula.test/it/reset?token=t');
  });
});
