import 'server-only';
import { getDb } from './client';

// The FTS5 index over the course content (migration 0001_search). SQLite-specific:
// on PostgreSQL this module would use pg_trgm behind the same functions.

export type SearchDocumentKind = 'title' | 'paragraph' | 'summary' | 'quiz';

/** One searchable piece of a lesson in one locale, as stored in the index. */
export type SearchDocument = {
  locale: string;
  course: string;
  lesson: string;
  kind: SearchDocumentKind;
  /** The element id on the lesson page ('' for the top of the page). */
  anchor: string;
  /** Order within the catalog, to break ties. */
  position: number;
  /** Shown above the text ('' when the kind names it). */
  heading: string;
  /** Shown, highlighted. */
  text: string;
  /** What is matched: the normalized heading and text (nothing that is not shown). */
  searchable: string;
};

export type SearchMatch = Omit<SearchDocument, 'searchable'>;

const versionKey = 'content_version';

export function readSearchIndexVersion(): string | undefined {
  const row = getDb().$client.prepare('select value from search_meta where key = ?').get(versionKey) as { value: string } | undefined;
  return row?.value;
}

/** Replaces the whole index and its version in one transaction: searches never see half an index. */
export function replaceSearchIndex({ documents, version }: { documents: SearchDocument[]; version: string }): void {
  const client = getDb().$client;
  const insert = client.prepare(
    `insert into search_index (searchable, locale, course, lesson, kind, anchor, position, heading, text)
     values (@searchable, @locale, @course, @lesson, @kind, @anchor, @position, @heading, @text)`,
  );
  client.transaction(() => {
    client.prepare('delete from search_index').run();
    for (const document of documents) insert.run(document);
    client
      .prepare('insert into search_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
      .run(versionKey, version);
  })();
}

/**
 * Documents that contain every term: `match` (an FTS5 expression built by
 * lib/search/query.ts from quoted tokens) and/or `likePatterns` (for terms too short
 * for trigrams), all bound as parameters. Ordered: the locale first, then titles,
 * then relevance (bm25), then catalog order.
 */
export function findSearchMatches({ match, likePatterns, locale, limit }: { match?: string; likePatterns: string[]; locale: string; limit: number }): SearchMatch[] {
  const conditions = [...(match ? ['search_index match @match'] : []), ...likePatterns.map((_, i) => `searchable like @like${i} escape '\\'`)];
  if (conditions.length === 0) return [];
  const params: Record<string, string | number> = { locale, limit, ...Object.fromEntries(likePatterns.map((pattern, i) => [`like${i}`, pattern])) };
  if (match) params.match = match;
  const byRelevance = match ? 'bm25(search_index), ' : '';
  return getDb()
    .$client.prepare(
      `select locale, course, lesson, kind, anchor, position, heading, text
       from search_index
       where ${conditions.join(' and ')}
       order by locale = @locale desc, kind = 'title' desc, ${byRelevance}position
       limit @limit`,
    )
    .all(params) as SearchMatch[];
}
