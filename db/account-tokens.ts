import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { changes, db, first, tables } from './query';
import type { AccountToken, TokenPurpose } from './schema';

export async function insertToken({ token }: { token: AccountToken }): Promise<void> {
  await changes(db().insert(tables().accountTokens).values(token));
}

/** The token if it is unused and unexpired (to show a form; using it is consumeToken). */
export async function findUsableToken({ tokenHash, purpose, now }: { tokenHash: string; purpose: TokenPurpose; now: Date }): Promise<AccountToken | undefined> {
  const { accountTokens } = tables();
  return first(
    db()
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now))),
  );
}

/** Uses the token: one update that only wins while it is unused and unexpired, so it works once even if two requests race. */
export async function consumeToken({ tokenHash, purpose, now }: { tokenHash: string; purpose: TokenPurpose; now: Date }): Promise<AccountToken | undefined> {
  const { accountTokens } = tables();
  return first(
    db()
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .returning(),
  );
}

/** Ends a user's unused tokens of a purpose (a new one was sent, or the password changed). */
export async function retireTokens({ userId, purpose, now }: { userId: string; purpose: TokenPurpose; now: Date }): Promise<void> {
  const { accountTokens } = tables();
  await changes(
    db()
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt))),
  );
}
