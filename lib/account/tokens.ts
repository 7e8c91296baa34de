import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { consumeToken, findUsableToken, insertToken, retireTokens } from '@/db/account-tokens';
import type { AccountToken, TokenPurpose } from '@/db/schema';

/** How long a link works. */
export const tokenLifetimeMs: Record<TokenPurpose, number> = { verifyEmail: 48 * 3_600_000, resetPassword: 30 * 60_000 };

/** Only this digest is stored: the token itself exists only in the e-mail. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A plausible token (what the links carry), so a malformed one is refused before any lookup. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** A new single-use token for `purpose`, replacing the user's earlier unused ones. */
export async function issueToken({ userId, purpose, email, now = new Date() }: { userId: string; purpose: TokenPurpose; email: string; now?: Date }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await retireTokens({ userId, purpose, now });
  await insertToken({ token: { tokenHash: hashToken(token), userId, purpose, email, createdAt: now, expiresAt: new Date(now.getTime() + tokenLifetimeMs[purpose]), usedAt: null } });
  return token;
}

export async function peekToken(token: unknown, purpose: TokenPurpose, now = new Date()): Promise<AccountToken | undefined> {
  return isTokenShaped(token) ? await findUsableToken({ tokenHash: hashToken(token), purpose, now }) : undefined;
}

export async function redeemToken(token: unknown, purpose: TokenPurpose, now = new Date()): Promise<AccountToken | undefined> {
  return isTokenShaped(token) ? await consumeToken({ tokenHash: hashToken(token), purpose, now }) : undefined;
}
