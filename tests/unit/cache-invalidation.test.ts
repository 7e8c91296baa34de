import { afterEach, describe, expect, it } from 'vitest';
import { invalidationMessages, parseInvalidationMessage } from '@/lib/cache/invalidation-bus.mjs';
import { isPostgresUrl } from '@/lib/cache/shared-cache-handler.mjs';
import { databaseConfig } from '@/lib/env';

describe('cache invalidation messages', () => {
  it('carry the tags and the expiry, and read back the same', () => {
    const [payload, ...rest] = invalidationMessages('instance-a', ['_N_T_/en/courses/c/l', '_N_T_/captions/c/l/en.vtt'], { expire: 60 });
    expect(rest).toEqual([]);
    expect(parseInvalidationMessage(payload)).toEqual({ origin: 'instance-a', tags: ['_N_T_/en/courses/c/l', '_N_T_/captions/c/l/en.vtt'], durations: { expire: 60 } });
    expect(parseInvalidationMessage(invalidationMessages('b', ['t'])[0])).toEqual({ origin: 'b', tags: ['t'], durations: undefined });
  });

  it('are split below PostgreSQL’s 8000-byte NOTIFY limit, losing no tag', () => {
    const tags = Array.from({ length: 600 }, (_, i) => `_N_T_/zh/courses/risoluzione-dei-conflitti/lesson-${i}`);
    const payloads = invalidationMessages('instance-a', tags);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((payload) => parseInvalidationMessage(payload)!.tags)).toEqual(tags);
  });

  it('refuse what is not one of ours (another program may use the channel)', () => {
    for (const junk of [undefined, '', 'not json', '{}', '{"origin":1,"tags":[]}', '{"origin":"a","tags":"x"}', '{"origin":"a","tags":[1]}']) {
      expect(parseInvalidationMessage(junk)).toBeUndefined();
    }
  });
});

describe('the cache handler’s engine test', () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = saved;
  });

  it('agrees with lib/env.ts on which DATABASE_URL is PostgreSQL', () => {
    const urls = ['postgres://aula@db/aula', 'postgresql://aula:secret@db:5432/aula', 'POSTGRES://db/aula', 'data/aula.sqlite', 'file:data/aula.sqlite', '/srv/postgres/aula.sqlite', 'pg://db/aula'];
    for (const url of urls) {
      process.env.DATABASE_URL = url;
      expect(isPostgresUrl(url), url).toBe(databaseConfig().engine === 'postgres');
    }
  });
});
