import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { everyPageTag, startInvalidationBus, type InvalidationBus } from '@/lib/cache/invalidation-bus.mjs';
import { engine } from '@/db/query';

/*
 * Revalidations shared between app instances (lib/cache/). Each bus below
 * stands for one instance: its own connection, its own expireLocally. On
 * SQLite there is a single instance and the cache handler starts no bus.
 */
const url = process.env.DATABASE_URL!;
const shared = globalThis as { aulaCacheBus?: InvalidationBus | null };
// Next's own record of revalidated tags, which its file-system cache consults on every read.
const { areTagsExpired } = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as {
  areTagsExpired: (tags: string[], timestamp: number) => boolean;
};
const quiet = { error: () => {} };
const buses: InvalidationBus[] = [];

function instance(retryMs = 100) {
  const expired: string[][] = [];
  const bus = startInvalidationBus({ url, expireLocally: (tags) => void expired.push(tags), retryMs, log: quiet });
  buses.push(bus);
  return { bus, expired };
}

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});

describe.runIf(engine() === 'postgres')('cache invalidation between instances (PostgreSQL LISTEN/NOTIFY)', () => {
  it('expires on every other instance the tags one instance revalidated, within a second, and not twice on the sender', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    await Promise.all([a.bus.ready, b.bus.ready, c.bus.ready]);
    // Each instance expired its whole cache once on connecting: what was revalidated before is unknown to it.
    for (const each of [a, b, c]) expect(each.expired).toEqual([[everyPageTag]]);

    const sent = Date.now();
    a.bus.publish(['_N_T_/en/courses/c/l', '_N_T_/captions/c/l/en.vtt']);
    await vi.waitFor(() => {
      expect(b.expired).toContainEqual(['_N_T_/en/courses/c/l', '_N_T_/captions/c/l/en.vtt']);
      expect(c.expired).toContainEqual(['_N_T_/en/courses/c/l', '_N_T_/captions/c/l/en.vtt']);
    }, { timeout: 5_000, interval: 10 });
    expect(Date.now() - sent).toBeLessThan(1_000);
    // The sender expired them itself (Next's own revalidateTag): its own message is not applied again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.expired).toEqual([[everyPageTag]]);
  });

  it('ignores other programs’ messages on the channel', async () => {
    const b = instance();
    await b.bus.ready;
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query(`select pg_notify('aula_cache_invalidation', 'hello'), pg_notify('aula_cache_invalidation', '{"tags":["x"]}')`);
    await other.end();
    const a = instance();
    await a.bus.ready;
    a.bus.publish(['after']);
    await vi.waitFor(() => expect(b.expired.at(-1)).toEqual(['after']), { timeout: 5_000, interval: 10 });
    expect(b.expired).toEqual([[everyPageTag], ['after']]);
  });

  it('reconnects when its connection is cut, expiring its whole cache again, and sends what was published meanwhile', async () => {
    const a = instance(1_500);
    await a.bus.ready;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // Cut the instance's connection, as a restart of the database server or a network fault would.
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen aula_cache_invalidation%' and pid <> pg_backend_pid()`);
    await admin.end();
    a.bus.publish(['while-cut']);
    const b = instance();
    await b.bus.ready;
    await vi.waitFor(() => {
      expect(a.expired).toEqual([[everyPageTag], [everyPageTag]]);
      expect(b.expired).toEqual([[everyPageTag], ['while-cut']]);
    }, { timeout: 10_000, interval: 20 });
  });
});

describe.runIf(engine() === 'postgres')('the cache handler (next.config.mjs cacheHandler) on PostgreSQL', () => {
  it('passes its revalidations on to the other instances, and applies theirs to Next’s own tag record', async () => {
    delete shared.aulaCacheBus;
    const { default: SharedCacheHandler } = await import('@/lib/cache/shared-cache-handler.mjs');
    const handler = new SharedCacheHandler({ fs: undefined, serverDistDir: '/nonexistent', revalidatedTags: [] });
    const own = shared.aulaCacheBus!;
    buses.push(own);
    await own.ready;
    const other = instance();
    await other.bus.ready;

    await handler.revalidateTag(['_N_T_/fr/courses/c/l']);
    await vi.waitFor(() => expect(other.expired).toContainEqual(['_N_T_/fr/courses/c/l']), { timeout: 5_000, interval: 10 });

    const cachedAt = Date.now() - 1;
    expect(areTagsExpired(['_N_T_/es/courses/c/l'], cachedAt)).toBe(false);
    other.bus.publish(['_N_T_/es/courses/c/l']);
    // A page cached before the message is now expired in this instance: Next renders it again on the next request.
    await vi.waitFor(() => expect(areTagsExpired(['_N_T_/es/courses/c/l'], cachedAt)).toBe(true), { timeout: 5_000, interval: 10 });
  });
});

describe.runIf(engine() === 'sqlite')('cache invalidation on SQLite', () => {
  it('is Next’s own file-system cache: the handler starts no bus and opens no connection', async () => {
    delete shared.aulaCacheBus;
    const { default: SharedCacheHandler } = await import('@/lib/cache/shared-cache-handler.mjs');
    const handler = new SharedCacheHandler({ fs: undefined, serverDistDir: '/nonexistent', revalidatedTags: [] });
    await handler.revalidateTag(['_N_T_/en/courses/c/l']);
    expect(shared.aulaCacheBus).toBeNull();
  });
});
