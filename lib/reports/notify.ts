import 'server-only';
import { markReporterNotified } from '@/db/reports';
import { findUserByEmail, findUserById } from '@/db/users';
import type { Report } from '@/db/schema';
import { absoluteLink } from '@/lib/account/links';
import { getLesson } from '@/lib/content';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import { sendMail } from '@/lib/mail';

type Recipient = { email: string; locale: Locale };

/**
 * Who hears about a report: its sender's account, or the account whose address
 * an anonymous sender gave, and only if that address is verified (anyone can
 * type anyone's address into the form).
 */
export async function reportRecipient(report: Pick<Report, 'userId' | 'email' | 'locale'>): Promise<Recipient | undefined> {
  const account = report.userId ? await findUserById({ id: report.userId }) : undefined;
  const owner = account ?? (report.email ? await findUserByEmail({ email: report.email.toLowerCase() }) : undefined);
  if (!owner?.emailVerifiedAt) return undefined;
  const locale = isLocale(owner.locale) ? owner.locale : isLocale(report.locale) ? report.locale : defaultLocale;
  return { email: owner.email, locale };
}

/** Tells the reporter, once, that their report was applied or rejected, with the editor's note. */
export async function notifyReporter(report: Report, outcome: 'applied' | 'rejected', note: string | undefined, now = new Date()): Promise<boolean> {
  const recipient = await reportRecipient(report);
  if (!recipient || !(await markReporterNotified({ id: report.id, now }))) return false;
  const lesson = getLesson(report.course, report.lesson, recipient.locale)?.title ?? report.lesson;
  const link = absoluteLink(recipient.locale, `courses/${report.course}/${report.lesson}`);
  await sendMail('reportUpdate', recipient.email, recipient.locale, { ref: `#${report.id}`, outcome, lesson, note: note?.trim() || null, link }, now);
  return true;
}
