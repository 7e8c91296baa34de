/**
 * npm run user:create -- --email E --password P --role learner|editor|admin [--name N]
 * Creates the user, or updates the password, name and role of an existing one.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { revokeUserSessions } from '@/db/sessions';
import { roles } from '@/db/schema';
import { findUserByEmail, upsertUser } from '@/db/users';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { emailField, nameMaxLength } from '@/lib/auth/schemas';

const usage = 'usage: npm run user:create -- --email E --password P --role learner|editor|admin [--name "Full Name"]';

const argsSchema = z.object({
  email: emailField,
  password: z.string({ error: 'is required' }),
  role: z.enum(roles, { error: `must be one of ${roles.join(', ')}` }),
  name: z.string().trim().min(1).max(nameMaxLength).optional(),
});

async function main() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message === 'emailInvalid' ? 'is not a valid e-mail address' : issue.message === 'required' ? 'is required' : issue.message}`);
    throw new Error(`${problems.join('\n')}\n${usage}`);
  }
  const { email, password, role } = parsed.data;
  const problem = checkPassword(password, email);
  if (problem) {
    const explain = { passwordTooShort: 'is shorter than 8 characters', passwordTooLong: 'is too long', passwordCommon: 'is a common password', passwordLikeEmail: 'contains the e-mail address' };
    throw new Error(`  --password: ${explain[problem]}\n${usage}`);
  }
  const existing = await findUserByEmail({ email });
  const now = new Date();
  const user = await upsertUser({
    user: {
      id: existing?.id ?? randomUUID(),
      email,
      name: parsed.data.name ?? existing?.name ?? email.split('@')[0]!,
      passwordHash: await hashPassword(password),
      role,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    },
  });
  // A new password ends the user's existing sessions.
  if (existing) await revokeUserSessions({ userId: user.id, now });
  console.log(`${existing ? 'Updated' : 'Created'} ${user.email} (${user.role}).`);
}

main().catch((error: unknown) => {
  console.error(`user:create: ${(error as Error).message}`);
  process.exit(1);
});
