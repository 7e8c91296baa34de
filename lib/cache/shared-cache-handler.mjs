import { createRequire } from 'node:module';
import { startInvalidationBus } from './invalidation-bus.mjs';

/**
 * Next's cache handler (`cacheHandler` in next.config.mjs) for prerendered
 * pages and routes: Next's own file-system cache (memory, then files under
 * .next), unchanged, plus revalidations shared between app instances.
 *
 * On SQLite there is one instance and this is Next's cache exactly. On
 * PostgreSQL (DATABASE_URL postgres://…), several instances may serve the same
 * database, each with its own cache: a revalidation here (an editor's
 * correction calls revalidatePath) is also sent to the others through
 * LISTEN/NOTIFY (./invalidation-bus.mjs), and theirs expire the same tags here,
 * so every instance renders the page again on its next request.
 */
const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

// Next's own bookkeeping of revalidated tags (one per process); the handler's method only updates it.
const expireLocally = (tags, durations) => FileSystemCache.prototype.revalidateTag.call(undefined, tags, durations);

/** The same test as lib/env.ts's (tests/unit/cache-invalidation.test.ts checks that both agree). */
export function isPostgresUrl(value) {
  return /^postgres(?:ql)?:\/\//i.test(value ?? '');
}

// One bus per process (Next creates a handler per request), started by the first handler of a server, never during `next build`.
const shared = globalThis;
function bus() {
  if (shared.aulaCacheBus === undefined) {
    const url = process.env.DATABASE_URL;
    const serving = process.env.NEXT_PHASE !== 'phase-production-build';
    shared.aulaCacheBus = serving && isPostgresUrl(url) ? startInvalidationBus({ url, expireLocally }) : null;
  }
  return shared.aulaCacheBus;
}

export default class SharedCacheHandler extends FileSystemCache {
  constructor(context) {
    super(context);
    bus();
  }

  async get(...args) {
    // Until this instance listens, it cannot know what others revalidated: wait for the first connection (resolved at once after it).
    const shared = bus();
    if (shared) await shared.ready;
    return super.get(...args);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === 'string' ? [tags] : tags;
    if (list.length > 0) bus()?.publish(list, durations);
  }
}
