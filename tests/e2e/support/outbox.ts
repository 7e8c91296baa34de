import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { e2e } from './env';

// The e2e server has no SMTP_URL: its mail goes to the outbox folder beside its database, as .eml files.
const outbox = path.join(path.dirname(e2e.serverEnv.DATABASE_URL), 'outbox');

async function messagesTo(address: string) {
  let files: string[] = [];
  try {
    files = readdirSync(outbox).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  const parsed = await Promise.all(files.map((name) => simpleParser(readFileSync(path.join(outbox, name)))));
  return parsed.filter((mail) => [mail.to].flat().some((to) => to?.text.toLowerCase() === address.toLowerCase()));
}

/** Waits for the `nth` message to `address` with a link to `page` (1 = the first) and returns its subject and that link. */
export async function mailLink(address: string, page: string, nth = 1) {
  let found: { subject: string; link: string } | undefined;
  await expect
    .poll(
      async () => {
        const linkTo = new RegExp(`https?://[^\\s]+/${page}\\?token=[\\w-]+`);
        const withLink = (await messagesTo(address)).flatMap((mail) => {
          const link = mail.text && linkTo.exec(mail.text)?.[0];
          return link ? [{ subject: mail.subject ?? '', link }] : [];
        });
        found = withLink[nth - 1];
        return Boolean(found);
      },
      { timeout: 20_000, message: `mail ${nth} to ${address} with a ${page} link` },
    )
    .toBe(true);
  // Links carry SITE_URL's origin; the test server is wherever Playwright started it.
  const url = new URL(found!.link);
  return { subject: found!.subject, path: `${url.pathname}${url.search}` };
}

export async function mailCount(address: string) {
  return (await messagesTo(address)).length;
}
