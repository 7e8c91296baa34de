import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from './client';

// The FTS5 index over the course content (migration 0002_search). SQLite-specific:
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

// search_index is an FTS5 virtual table and search_meta a key-value table, both
// made by the migration, not by the Drizzle schema: the queries use Drizzle's sql
// template with typed results.

export function readSearchIndexVersion(): string | undefined {
  return getDb().get<{ value: string } | undefined>(sql`select value from search_meta where key = ${versionKey}`)?.value;
}

/** Replaces the whole index and its version in one transaction: searches never see half an index. */
export function replaceSearchIndex({ documents, version }: { documents: SearchDocument[]; version: string }): void {
  getDb().transaction((tx) => {
    tx.run(sql`delete from search_index`);
    for (const d of documents) {
      tx.run(sql`insert into search_index (searchable, locale, course, lesson, kind, anchor, position, heading, text)
        values (${d.searchable}, ${d.locale}, ${d.course}, ${d.lesson}, ${d.kind}, ${d.anchor}, ${d.position}, ${d.heading}, ${d.text})`);
    }
    tx.run(sql`insert into search_meta (key, value) values (${versionKey}, ${version}) on conflict (key) do update set value = excluded.value`);
  });
}

/**
 * Documents that contain every term: `match` (an FTS5 expression built by
 * lib/search/query.ts from quoted tokens) and/or `likePatterns` (for terms too short
 * for trigrams), all bound as parameters. Ordered: the locale first, then titles,
 * then relevance (bm25), then catalog order.
 */
export function findSearchMatches({ match, likePatterns, locale, limit }: { match?: string; likePatterns: string[]; locale: string; limit: number }): SearchMatch[] {
  const conditions = [...(match ? [sql`search_index match ${match}`] : []), ...likePatterns.map((pattern) => sql`searchable like ${pattern} escape '\\'`)];
  if (conditions.length === 0) return [];
  const byRelevance = match ? sql`bm25(search_index), ` : sql``;
  return getDb().all<SearchMatch>(
    sql`select locale, course, lesson, kind, anchor, position, heading, text
      from search_index
      where ${sql.join(conditions, sql` and `)}
      order by locale = ${locale} desc, kind = 'title' desc, ${byRelevance}position
      limit ${limit}`,
  );
}
