import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from './client';
import { certificates, users, type Certificate } from './schema';

/** A certificate and the language its learner uses Aula in (null for older accounts, and once the learner deleted theirs: it still verifies). */
export function findCertificateWithLocale({ id }: { id: string }): (Certificate & { learnerLocale: string | null }) | undefined {
  const row = getDb().select({ certificate: certificates, learnerLocale: users.locale }).from(certificates).leftJoin(users, eq(users.id, certificates.userId)).where(eq(certificates.id, id)).get();
  return row && { ...row.certificate, learnerLocale: row.learnerLocale };
}
