import 'server-only';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { RenderedMail } from './templates';

export type MailTransport = { kind: 'smtp' | 'outbox'; send(to: string, mail: RenderedMail): Promise<void> };

/** Real delivery through an SMTP server (nodemailer), `smtp://` or `smtps://`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { from });
  return {
    kind: 'smtp',
    async send(to, mail) {
      await transporter.sendMail({ to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}

/**
 * The zero-configuration default: each message written as an .eml file in
 * `dir` (open it with any mail program), and its link printed to the console
 * so a single-machine install still works.
 */
export function outboxTransport(dir: string, from: string, log: (line: string) => void = console.log): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let counter = 0;
  return {
    kind: 'outbox',
    async send(to, mail) {
      const info = await transporter.sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      counter += 1;
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${counter}.eml`);
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      log(`Mail to ${to}: "${mail.subject}" — ${mail.link} (saved in ${file})`);
    },
  };
}
