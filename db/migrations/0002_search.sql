-- Full-text search over the course content (issue #8). Hand-written: FTS5 virtual
-- tables cannot be declared in the Drizzle schema. The rows are derived from content/
-- and replaced by lib/search/indexer.ts; nothing else writes them.
-- The trigram tokenizer matches inside words and in Chinese, which has no spaces.
-- `searchable` holds a lower-cased, accent-stripped copy of `heading` and `text`
-- (the query is normalized the same way), so no remove_diacritics support is needed.
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`searchable`,
	`locale` UNINDEXED,
	`course` UNINDEXED,
	`lesson` UNINDEXED,
	`kind` UNINDEXED,
	`anchor` UNINDEXED,
	`position` UNINDEXED,
	`heading` UNINDEXED,
	`text` UNINDEXED,
	tokenize = 'trigram'
);
--> statement-breakpoint
-- The content version the index was built from: a different one triggers a rebuild.
CREATE TABLE `search_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
