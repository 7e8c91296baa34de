/**
 * Session cookies already decrypted, so a signed-in request costs a map lookup
 * instead of decrypting (and re-issuing) the Auth.js token. It only remembers
 * which session a cookie names: whether that session is still live — signed
 * out, ended elsewhere, expired, its user's role — is read from the database on
 * every request, so revocation still acts at once, in every process.
 * Bounded: at most `maxEntries` (least recently used go first), each for at
 * most `ttlMs` and never past the token's own expiry.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { sessionId: string; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 15 * 60_000,
  ) {}

  get(token: string, now: number): string | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (entry.until <= now) return undefined;
    this.entries.set(token, entry); // most recently used last
    return entry.sessionId;
  }

  remember(token: string, sessionId: string, now: number, expiresAt = Number.POSITIVE_INFINITY): void {
    const until = Math.min(now + this.ttlMs, expiresAt);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { sessionId, until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
