import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from './client';
import { accountTokens, type AccountToken, type TokenPurpose } from './schema';

export function insertToken({ token }: { token: AccountToken }): void {
  getDb().insert(accountTokens).values(token).run();
}

/** The token if it is unused and unexpired (to show a form; using it is consumeToken). */
export function findUsableToken({ tokenHash, purpose, now }: { tokenHash: string; purpose: TokenPurpose; now: Date }): AccountToken | undefined {
  return getDb()
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .get();
}

/** Uses the token: one update that only wins while it is unused and unexpired, so it works once even if two requests race. */
export function consumeToken({ tokenHash, purpose, now }: { tokenHash: string; purpose: TokenPurpose; now: Date }): AccountToken | undefined {
  return getDb()
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning()
    .get();
}

/** Ends a user's unused tokens of a purpose (a new one was sent, or the password changed). */
export function retireTokens({ userId, purpose, now }: { userId: string; purpose: TokenPurpose; now: Date }): void {
  getDb()
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
    .run();
}
