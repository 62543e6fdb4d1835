-- GIN indexes collect new entries in a pending list and merge it into the index when it passes
-- gin_pending_list_limit (4 MB by default) or at VACUUM. PGlite has no autovacuum, so with the default
-- the merge happens inside one unlucky insert and takes tens of milliseconds: a webhook answer that
-- waits for it. Smaller lists merge more often and briefly (measured: slowest store 45 → 25 ms).
ALTER INDEX "events_search_grams_idx" SET (gin_pending_list_limit = 256);--> statement-breakpoint
ALTER INDEX "friends_search_grams_idx" SET (gin_pending_list_limit = 256);
