import 'server-only';
import { eq } from 'drizzle-orm';
import { db, first, tables } from './query';
import type { Certificate } from './schema';

/** A certificate and the language its learner uses Aula in (null for older accounts, and once the learner deleted theirs: it still verifies). */
export async function findCertificateWithLocale({ id }: { id: string }): Promise<(Certificate & { learnerLocale: string | null }) | undefined> {
  const { certificates, users } = tables();
  const row = await first(db().select({ certificate: certificates, learnerLocale: users.locale }).from(certificates).leftJoin(users, eq(users.id, certificates.userId)).where(eq(certificates.id, id)));
  return row && { ...row.certificate, learnerLocale: row.learnerLocale };
}
