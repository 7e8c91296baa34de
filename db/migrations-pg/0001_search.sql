-- Search over the course content on PostgreSQL: the twin of the SQLite FTS5 trigram
-- table (db/migrations/0002_search.sql). Hand-written: the trigram index is not
-- part of the Drizzle schema. `searchable` is the lower-cased, accent-stripped copy
-- of heading and text; the GIN trigram index serves LIKE '%term%' in every script,
-- Chinese included. The rows are replaced by lib/search/indexer.ts only.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "search_index" (
	"searchable" text NOT NULL,
	"locale" text NOT NULL,
	"course" text NOT NULL,
	"lesson" text NOT NULL,
	"kind" text NOT NULL,
	"anchor" text NOT NULL,
	"position" integer NOT NULL,
	"heading" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_index_searchable_trgm_idx" ON "search_index" USING gin ("searchable" gin_trgm_ops);
--> statement-breakpoint
-- The content version the index was built from: a different one triggers a rebuild.
CREATE TABLE "search_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
