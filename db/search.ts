import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { bySql, engine, lock, rawRows, rawRun, transaction } from './query';

// The search index over the course content. SQLite: an FTS5 trigram table
// (migration 0002_search). PostgreSQL: a plain table with a pg_trgm GIN index
// (migrations-pg 0001_search). Both match substrings in every script, Chinese
// included, and order the same way.

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

// search_index and search_meta are made by the migrations, not by the Drizzle
// schema: the queries use Drizzle's sql template with typed results.

export async function readSearchIndexVersion(): Promise<string | undefined> {
  return (await rawRows<{ value: string }>(sql`select value from search_meta where key = ${versionKey}`))[0]?.value;
}

/** Replaces the whole index and its version in one transaction: searches never see half an index. */
export async function replaceSearchIndex({ documents, version }: { documents: SearchDocument[]; version: string }): Promise<void> {
  await transaction(async () => {
    await lock('search-index');
    await rawRun(sql`delete from search_index`);
    for (const d of documents) {
      await rawRun(sql`insert into search_index (searchable, locale, course, lesson, kind, anchor, position, heading, text)
        values (${d.searchable}, ${d.locale}, ${d.course}, ${d.lesson}, ${d.kind}, ${d.anchor}, ${d.position}, ${d.heading}, ${d.text})`);
    }
    await rawRun(sql`insert into search_meta (key, value) values (${versionKey}, ${version}) on conflict (key) do update set value = excluded.value`);
  });
}

export type SearchRequest = {
  /** SQLite: an FTS5 expression of quoted tokens (lib/search/query.ts), for the terms of 3 characters or more. */
  match?: string;
  /** SQLite: LIKE patterns for the terms too short for trigrams. */
  likePatterns: string[];
  /** PostgreSQL: a LIKE pattern per term (the trigram index serves them all). */
  containsPatterns: string[];
  /** The terms themselves, for PostgreSQL's relevance (trigram word similarity). */
  terms: string[];
  locale: string;
  limit: number;
};

/**
 * Documents that contain every term, all bound as parameters. Ordered: the
 * locale first, then titles, then relevance (SQLite: bm25; PostgreSQL: trigram
 * word similarity), then catalog order.
 */
export async function findSearchMatches(request: SearchRequest): Promise<SearchMatch[]> {
  const conditions: SQL[] =
    engine() === 'sqlite'
      ? [...(request.match ? [sql`search_index match ${request.match}`] : []), ...request.likePatterns.map((pattern) => sql`searchable like ${pattern} escape '\\'`)]
      : request.containsPatterns.map((pattern) => sql`searchable like ${pattern} escape '\\'`);
  if (conditions.length === 0) return [];
  const byRelevance = bySql({
    sqlite: request.match ? sql`bm25(search_index), ` : sql``,
    postgres: sql`word_similarity(${request.terms.join(' ')}, searchable) desc, `,
  });
  return rawRows<SearchMatch>(
    sql`select locale, course, lesson, kind, anchor, position, heading, text
      from search_index
      where ${sql.join(conditions, sql` and `)}
      order by locale = ${request.locale} desc, kind = 'title' desc, ${byRelevance}position
      limit ${request.limit}`,
  );
}
