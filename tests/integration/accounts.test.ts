import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changes, db, first, rows, tables } from '@/db/query';
import { findUserById } from '@/db/users';
import { deliverDueMail, useMailTransport } from '@/lib/mail';
import { smtpTransport } from '@/lib/mail/transport';
import { startSmtpServer } from '../support/smtp';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { accountTokens, certificates, mailQueue, reports, sessions, users } = tables();

// Passwords are hashed with scrypt at full cost in production; here the hash only has to round-trip.
vi.mock('@/lib/auth/password', () => ({
  hashPassword: async (password: string) => `test:${password}`,
  verifyPassword: async (password: string, hash: string) => hash === `test:${password}`,
}));

const { requestPasswordReset, resetPassword, resetLinkWorks } = await import('@/lib/account/password-reset');
const { confirmEmail, sendEmailChange, sendVerification, warnAccountExists } = await import('@/lib/account/verification');
const { registerAccount } = await import('@/lib/auth/registration');
const { accountView, deleteAccount, endOneSession, exportUserData } = await import('@/lib/account/profile');
const { hashToken } = await import('@/lib/account/tokens');
const { certificateView } = await import('@/lib/certificates/view');
const { reportsOf } = await import('@/lib/reports/queue');
const { AppError } = await import('@/lib/http/errors');
const { notifyReporter } = await import('@/lib/reports/notify');

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let clock = new Date('2032-03-01T09:00:00Z').getTime();
const now = () => new Date((clock += 1000));

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SITE_URL = 'https://aula.test';
});
afterAll(async () => {
  useMailTransport(undefined);
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  // sendMail's own immediate try goes nowhere; the test delivers through the real SMTP server.
  useMailTransport({ kind: 'smtp', send: () => Promise.reject(new Error('delivered by the test')) });
});

async function makeUser(email: string, { verified = false, locale = null as string | null } = {}) {
  const t = now();
  const id = randomUUID();
  (await changes(db().insert(users).values({ id, email, name: 'Lia Rossi', passwordHash: 'test:old password here', emailVerifiedAt: verified ? t : null, locale, createdAt: t, updatedAt: t })));
  return (await findUserById({ id }))!;
}
async function makeSession(userId: string) {
  const id = randomUUID();
  const t = now();
  (await changes(db().insert(sessions).values({ id, userId, createdAt: t, expiresAt: new Date(t.getTime() + 86_400_000) })));
  return id;
}
const liveSessions = async (userId: string) => (await rows(db().select().from(sessions))).filter((s) => s.userId === userId && !s.revokedAt);

const recipient = (mail: { to?: { text: string } | { text: string }[] } | undefined) => [mail?.to].flat()[0]?.text;

/** Delivers what is queued through the SMTP server and returns the token in the last message's link to `page`. */
async function mailedToken(page: string) {
  await deliverDueMail(new Date(clock + 60_000), smtpTransport(smtp.url, 'Aula <aula@example.test>'));
  const mail = smtp.received.at(-1);
  const link = new RegExp(`https://aula\\.test/\\w+/${page}\\?token=([\\w-]+)`).exec(mail?.text ?? '');
  return { mail, token: link?.[1] };
}

describe('password reset', () => {
  it('mails a single-use link; a weak password keeps it; the new password ends every session', async () => {
    const lia = await makeUser('lia.reset@example.com', { locale: 'fr' });
    await makeSession(lia.id);
    await makeSession(lia.id);
    await requestPasswordReset({ email: 'lia.reset@example.com', ip: '10.0.0.1', locale: 'it', now: now() });
    const { mail, token } = await mailedToken('reset-password');
    expect(recipient(mail)).toBe('lia.reset@example.com');
    expect(mail?.subject).toBe('Réinitialisez votre mot de passe'); // her language, not the page's
    expect(token).toBeDefined();
    // Only the digest is stored.
    const stored = await rows(db().select().from(accountTokens));
    expect(stored.map((row) => row.tokenHash)).toContain(hashToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token!);

    expect(await resetPassword({ token, password: 'short', now: now() })).toMatchObject({ status: 'weak' });
    expect(await resetLinkWorks(token, now())).toBe(true);
    expect(await resetPassword({ token, password: 'a brand new passphrase', now: now() })).toEqual({ status: 'done', email: 'lia.reset@example.com' });
    expect((await findUserById({ id: lia.id }))!.passwordHash).toBe('test:a brand new passphrase');
    expect(await liveSessions(lia.id)).toHaveLength(0);
    expect((await findUserById({ id: lia.id }))!.emailVerifiedAt).not.toBeNull(); // opening the mail proved the address
    expect(await resetPassword({ token, password: 'another new passphrase', now: now() })).toEqual({ status: 'invalid' });
  });

  it('two submits of one link at once: exactly one wins', async () => {
    await makeUser('lia.race@example.com');
    await requestPasswordReset({ email: 'lia.race@example.com', ip: '10.0.0.2', locale: 'it', now: now() });
    const { token } = await mailedToken('reset-password');
    const at = now();
    const outcomes = await Promise.all([resetPassword({ token, password: 'first new passphrase', now: at }), resetPassword({ token, password: 'second new passphrase', now: at })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['done', 'invalid']);
  });

  it('a link expires after 30 minutes', async () => {
    await makeUser('lia.late@example.com');
    await requestPasswordReset({ email: 'lia.late@example.com', ip: '10.0.0.3', locale: 'it', now: now() });
    const { token } = await mailedToken('reset-password');
    clock += 31 * 60_000;
    expect(await resetLinkWorks(token, now())).toBe(false);
    expect(await resetPassword({ token, password: 'a brand new passphrase', now: now() })).toEqual({ status: 'invalid' });
  });

  it('an unknown address gets the same silence; malformed tokens are refused without a lookup', async () => {
    await expect(requestPasswordReset({ email: 'nobody@example.com', ip: '10.0.0.4', locale: 'it', now: now() })).resolves.toBeUndefined();
    expect((await deliverDueMail(new Date(clock + 60_000), smtpTransport(smtp.url, 'Aula <aula@example.test>'))).sent).toBe(0);
    for (const token of [undefined, '', 'x'.repeat(43) + "'", { $ne: null }, 'a'.repeat(10_000)]) {
      expect(await resetPassword({ token, password: 'a brand new passphrase', now: now() })).toEqual({ status: 'invalid' });
    }
  });

  it('is throttled per address (visible) and per account (silent: no more mail, the same answer)', async () => {
    await makeUser('lia.many@example.com');
    for (let i = 0; i < 3; i += 1) await requestPasswordReset({ email: 'lia.many@example.com', ip: `10.0.1.${i}`, locale: 'it', now: now() });
    const before = (await rows(db().select().from(mailQueue))).length;
    await expect(requestPasswordReset({ email: 'lia.many@example.com', ip: '10.0.1.9', locale: 'it', now: now() })).resolves.toBeUndefined();
    expect((await rows(db().select().from(mailQueue))).length).toBe(before);
    for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: `stranger${i}@example.com`, ip: '10.0.2.1', locale: 'it', now: now() });
    await expect(requestPasswordReset({ email: 'stranger9@example.com', ip: '10.0.2.1', locale: 'it', now: now() })).rejects.toThrow(AppError);
  });
});

describe('verified addresses', () => {
  it('anonymous reports with the address show on /me only once it is verified', async () => {
    const t = now();
    (await changes(db().insert(reports).values({ course: 'c', lesson: 'l', locale: 'it', target: 'video', message: 'the video stops at 1:00', email: 'Lia.Verify@example.com', createdAt: t, updatedAt: t })));
    const lia = await makeUser('lia.verify@example.com');
    expect(await reportsOf(lia)).toHaveLength(0);
    expect(await sendVerification(lia, 'it', now())).toBe(true);
    const { mail, token } = await mailedToken('verify-email');
    expect(mail?.subject).toBe('Conferma il tuo indirizzo e-mail');
    expect(await confirmEmail(token, now())).toBe('verified');
    expect(await confirmEmail(token, now())).toBe('invalid');
    expect(await reportsOf((await findUserById({ id: lia.id }))!)).toHaveLength(1);
  });

  it('a new address is used once its link is opened, unless another account took it meanwhile', async () => {
    const lia = await makeUser('lia.old@example.com', { verified: true });
    expect(await sendEmailChange(lia, 'lia.new@example.com', 'en', now())).toBe(true);
    const { mail, token } = await mailedToken('verify-email');
    expect(recipient(mail)).toBe('lia.new@example.com');
    expect((await findUserById({ id: lia.id }))!.email).toBe('lia.old@example.com');
    expect(await confirmEmail(token, now())).toBe('changed');
    expect((await findUserById({ id: lia.id }))!.email).toBe('lia.new@example.com');

    await sendEmailChange((await findUserById({ id: lia.id }))!, 'taken@example.com', 'en', now());
    const second = await mailedToken('verify-email');
    await makeUser('taken@example.com');
    expect(await confirmEmail(second.token, now())).toBe('taken');
    expect((await findUserById({ id: lia.id }))!.email).toBe('lia.new@example.com');
  });

  it('re-sending is throttled per account', async () => {
    const lia = await makeUser('lia.resend@example.com');
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await sendVerification(lia, 'it', now()));
    expect(sent).toEqual([true, true, true, false, false]);
  });
});

describe('sessions, export and deletion', () => {
  it('ends one of one’s own sessions by its handle, never another user’s', async () => {
    const lia = await makeUser('lia.sessions@example.com');
    const ugo = await makeUser('ugo.sessions@example.com');
    const current = await makeSession(lia.id);
    await makeSession(lia.id);
    const ugoSession = await makeSession(ugo.id);
    const view = (await accountView(lia.id, current, now()))!;
    expect(view.sessions).toHaveLength(2);
    expect(view.sessions[0]!.current).toBe(true);
    expect(JSON.stringify(view)).not.toContain(current);
    const ugoHandle = (await accountView(ugo.id, ugoSession, now()))!.sessions[0]!.handle;
    expect(await endOneSession(lia.id, ugoHandle, now())).toBe(false);
    expect(await liveSessions(ugo.id)).toHaveLength(1);
    expect(await endOneSession(lia.id, view.sessions[1]!.handle, now())).toBe(true);
    expect((await liveSessions(lia.id)).map((s) => s.id)).toEqual([current]);
  });

  it('exports everything stored about the user, without the password hash or session ids', async () => {
    const lia = await makeUser('lia.export@example.com', { verified: true });
    const session = await makeSession(lia.id);
    const data = (await exportUserData(lia.id, now()))!;
    expect(data.profile).toMatchObject({ email: 'lia.export@example.com', name: 'Lia Rossi' });
    const text = JSON.stringify(data);
    expect(text).not.toContain('test:old password');
    expect(text).not.toContain(session);
    expect(data.sessions).toHaveLength(1);
  });

  it('deletes the account and its data; the certificate still verifies; strangers’ reports are untouched', async () => {
    const lia = await makeUser('lia.delete@example.com');
    await makeSession(lia.id);
    const t = now();
    (await changes(db().insert(certificates).values({ id: 'CERT-DELETE-1-aaaaaaaaaa', userId: lia.id, course: 'c', learnerName: 'Lia Rossi', issuedAt: t })));
    // Sent anonymously by someone else with this (never verified) address: not Lia's to erase.
    (await changes(db().insert(reports).values({ course: 'c', lesson: 'l', locale: 'it', target: 'video', message: 'someone else wrote this', email: 'lia.delete@example.com', createdAt: t, updatedAt: t })));
    await deleteAccount(lia);
    expect(await findUserById({ id: lia.id })).toBeUndefined();
    expect(await liveSessions(lia.id)).toHaveLength(0);
    expect((await rows(db().select().from(certificates))).find((c) => c.id === 'CERT-DELETE-1-aaaaaaaaaa')).toMatchObject({ userId: null, learnerName: 'Lia Rossi' });
    expect(await certificateView('CERT-DELETE-1-aaaaaaaaaa', 'en')).toMatchObject({ learnerName: 'Lia Rossi', locale: 'en' });
    expect((await rows(db().select().from(reports))).find((r) => r.message === 'someone else wrote this')?.email).toBe('lia.delete@example.com');
  });
});

describe('report updates', () => {
  const course = 'risoluzione-dei-conflitti';
  async function report(fields: { userId?: string; email?: string; locale?: string }) {
    const t = now();
    return (await first(db().insert(reports).values({ course, lesson: 'livelli-di-contatto', locale: fields.locale ?? 'it', target: 'video', message: 'the slide says 2019', email: fields.email, userId: fields.userId, createdAt: t, updatedAt: t }).returning()))!;
  }

  it('one e-mail, in the reporter’s language, with the note, to a verified address only', async () => {
    const ana = await makeUser('ana.report@example.com', { verified: true, locale: 'es' });
    const sent = await report({ userId: ana.id, locale: 'it' });
    expect(await notifyReporter(sent, 'applied', 'Thanks, fixed the year.', now())).toBe(true);
    await deliverDueMail(new Date(clock + 60_000), smtpTransport(smtp.url, 'Aula <aula@example.test>'));
    const mail = smtp.received.at(-1);
    expect(recipient(mail)).toBe('ana.report@example.com');
    expect(mail?.subject).toBe(`Tu aviso #${sent.id} se ha actualizado`);
    expect(mail?.text).toContain('Thanks, fixed the year.');
    expect(mail?.text).toContain(`https://aula.test/es/courses/${course}/livelli-di-contatto`);
    // Reverted and applied again, or rejected later: still one e-mail.
    expect(await notifyReporter(sent, 'rejected', undefined, now())).toBe(false);

    const anonymous = await report({ email: 'Ana.Report@example.com' });
    expect(await notifyReporter(anonymous, 'rejected', undefined, now())).toBe(true);

    const unverified = await makeUser('ugo.report@example.com');
    expect(await notifyReporter((await report({ userId: unverified.id })), 'applied', undefined, now())).toBe(false);
    expect(await notifyReporter((await report({ email: 'ugo.report@example.com' })), 'applied', undefined, now())).toBe(false);
    expect(await notifyReporter((await report({ email: 'nobody.report@example.com' })), 'applied', undefined, now())).toBe(false);
  });
});

describe('sign-up mail', () => {
  it('a new account keeps the page’s language for its e-mail; a taken address tells its owner, not the visitor, at most twice a day', async () => {
    const created = await registerAccount({ name: 'Nuovo Utente', email: 'nuovo.signup@example.com', password: 'a steady passphrase', locale: 'fr' }, '10.9.0.1', now());
    expect(created.status).toBe('created');
    expect((await findUserById({ id: created.status === 'created' ? created.user.id : '' }))?.locale).toBe('fr');

    const owner = await makeUser('owner.signup@example.com', { locale: 'es' });
    expect((await registerAccount({ name: 'Stranger', email: owner.email, password: 'another passphrase', locale: 'it' }, '10.9.0.2', now())).status).toBe('taken');
    for (let i = 0; i < 4; i += 1) await warnAccountExists(owner.email, 'it', now());
    await deliverDueMail(new Date(clock + 60_000), smtpTransport(smtp.url, 'Aula <aula@example.test>'));
    const toOwner = smtp.received.filter((mail) => recipient(mail) === owner.email);
    expect(toOwner).toHaveLength(2);
    expect(toOwner[0]?.subject).toBe('Ya tienes una cuenta en Aula');
    expect(toOwner[0]?.text).toContain('https://aula.test/es/forgot-password');
    await warnAccountExists('nobody.signup@example.com', 'it', now());
    expect((await deliverDueMail(new Date(clock + 60_000), smtpTransport(smtp.url, 'Aula <aula@example.test>'))).sent).toBe(0);
  });
});
