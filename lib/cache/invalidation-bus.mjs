import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Tells every app instance which cache tags were revalidated, through
 * PostgreSQL's LISTEN/NOTIFY. Each instance keeps one connection that listens
 * on the channel and also sends its own revalidations on it; a message from
 * another instance expires the same tags in this instance's cache at once.
 * Messages carry no data, only tag names: each instance renders the page
 * again from the database on its next request.
 */
export const invalidationChannel = 'aula_cache_invalidation';

/** The root layout's implicit tag, which every prerendered page and route carries. */
export const everyPageTag = '_N_T_/layout';

// PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
const payloadLimit = 7_000;

/** The NOTIFY payloads for one revalidation: JSON, split so that each stays under the limit. */
export function invalidationMessages(origin, tags, durations) {
  const messages = [];
  let batch = [];
  const encode = (list) => JSON.stringify(durations ? { origin, tags: list, durations } : { origin, tags: list });
  for (const tag of tags) {
    if (Buffer.byteLength(encode([tag])) > payloadLimit) continue; // no tag of Aula's is near this long
    if (batch.length > 0 && Buffer.byteLength(encode([...batch, tag])) > payloadLimit) {
      messages.push(encode(batch));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) messages.push(encode(batch));
  return messages;
}

/** A payload from the channel, or undefined when it is not one of ours. */
export function parseInvalidationMessage(payload) {
  try {
    const message = JSON.parse(payload ?? '');
    if (typeof message?.origin !== 'string' || !Array.isArray(message.tags) || !message.tags.every((tag) => typeof tag === 'string')) return undefined;
    const expire = message.durations?.expire;
    return { origin: message.origin, tags: message.tags, durations: typeof expire === 'number' ? { expire } : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Connects, listens, and reconnects after `retryMs` when the connection drops.
 * On every (re)connection it expires every cached page of this instance once:
 * what other instances revalidated while it was not listening is unknown.
 * `ready` resolves after the first attempt, whether it connected or not.
 */
export function startInvalidationBus({ url, expireLocally, retryMs = 1_000, log = console }) {
  const origin = randomUUID();
  const unsent = [];
  const gone = new WeakSet();
  let client;
  let retry;
  let closed = false;
  let settleFirstAttempt;
  const ready = new Promise((resolve) => (settleFirstAttempt = resolve));

  function flush() {
    while (client && unsent.length > 0) {
      const payload = unsent.shift();
      client.query('select pg_notify($1, $2)', [invalidationChannel, payload]).catch((error) => {
        log.error(`Cache invalidation: could not send (${error.message}); sending again once reconnected`);
        unsent.push(payload);
      });
    }
  }

  function dropped(lost) {
    if (gone.has(lost)) return;
    gone.add(lost);
    if (client === lost) client = undefined;
    lost.end().catch(() => {});
    if (!closed && !retry) retry = setTimeout(connect, retryMs);
  }

  async function connect() {
    retry = undefined;
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    next.on('notification', ({ channel, payload }) => {
      const message = channel === invalidationChannel ? parseInvalidationMessage(payload) : undefined;
      if (message && message.origin !== origin) expireLocally(message.tags, message.durations);
    });
    next.on('error', (error) => {
      log.error(`Cache invalidation: the connection failed (${error.message}); reconnecting`);
      dropped(next);
    });
    next.on('end', () => dropped(next));
    try {
      await next.connect();
      await next.query(`listen ${invalidationChannel}`);
    } catch (error) {
      if (!closed) log.error(`Cache invalidation: cannot listen (${error.message}); trying again in ${retryMs} ms`);
      dropped(next);
      settleFirstAttempt();
      return;
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    expireLocally([everyPageTag]);
    settleFirstAttempt();
    flush();
  }

  void connect();
  return {
    origin,
    ready,
    /** Sends the tags to every other instance (kept and sent once connected again if the connection is down). */
    publish(tags, durations) {
      unsent.push(...invalidationMessages(origin, tags, durations));
      flush();
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      if (open) {
        gone.add(open);
        await open.end().catch(() => {});
      }
    },
  };
}
