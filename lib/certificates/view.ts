import 'server-only';
import { findCertificateWithLocale } from '@/db/certificates';
import { getCourse } from '@/lib/content';
import { formatDate } from '@/lib/format';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { requestLanguage } from '@/lib/i18n/request-language';

export type CertificateView = { id: string; locale: Locale; learnerName: string; courseTitle: string; issuedAt: Date; date: string };

export const certificateIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * A certificate as shown and printed: in its learner's language (the one they
 * signed up in), else in `fallback` (the visitor's) for older accounts.
 */
export async function certificateView(id: string, fallback: Locale): Promise<CertificateView | undefined> {
  if (!certificateIdPattern.test(id)) return undefined;
  const certificate = await findCertificateWithLocale({ id });
  if (!certificate) return undefined;
  const locale = isLocale(certificate.learnerLocale) ? certificate.learnerLocale : fallback;
  return {
    id: certificate.id,
    locale,
    learnerName: certificate.learnerName,
    courseTitle: getCourse(certificate.course, locale)?.title ?? certificate.course,
    issuedAt: certificate.issuedAt,
    date: formatDate(certificate.issuedAt, locale),
  };
}

/** The language a certificate is shown in: its learner's, else (older accounts, a wrong code) the visitor's. */
export async function certificateLocale(id: string): Promise<Locale> {
  const visitor = await requestLanguage();
  return (await certificateView(id, visitor))?.locale ?? visitor;
}
