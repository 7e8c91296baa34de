import 'server-only';
import { findCertificate } from '@/db/progress';
import { getCourse } from '@/lib/content';
import { formatDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

export type CertificateView = { id: string; learnerName: string; courseTitle: string; issuedAt: Date; date: string };

export function certificateView(id: string, locale: Locale): CertificateView | undefined {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  const certificate = findCertificate({ id });
  if (!certificate) return undefined;
  return {
    id: certificate.id,
    learnerName: certificate.learnerName,
    courseTitle: getCourse(certificate.course, locale)?.title ?? certificate.course,
    issuedAt: certificate.issuedAt,
    date: formatDate(certificate.issuedAt, locale),
  };
}
