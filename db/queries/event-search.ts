import { and, desc, sql, type SQL } from "drizzle-orm";
import { escapeLike, normalizeSearchText, queryGrams } from "@/db/search-text";
import type { Db } from "../client";
import { events } from "../schema/webhook";
import { eventConditions, eventsByIds, type EventCursor, type ListEventsParams } from "./event-filters";

// Text search, newest first, in two steps, because no single plan is good for every term:
// 1. Scan the newest WINDOW events that pass the other filters (the timestamp index, bounded work) and
//    keep those whose text matches. A common term fills the page here in a few milliseconds.
// 2. If the page is not full, look further back through the bigram GIN index (all grams required,
//    LIKE confirms), materialised so PostgreSQL cannot trade it for an unbounded timestamp scan when
//    it misjudges how rare a phrase is (bigrams of one phrase are strongly correlated, so it does).
// A query with no grams (one ASCII character) has no index to narrow it: it only scans, a bounded
// window a page, and may answer fewer items than asked with a cursor to go on from.
const WINDOW = 3000;
const SCAN_ONLY_WINDOW = 50_000;

export async function searchEvents(db: Db, params: ListEventsParams & { q: string; window?: number }) {
  const needle = normalizeSearchText(params.q);
  const grams = queryGrams(needle);
  const pattern = `%${escapeLike(needle)}%`;
  const want = params.limit + 1;
  const base = eventConditions(params);
  const window = params.window ?? (grams.length ? WINDOW : SCAN_ONLY_WINDOW);

  const recent = db
    .select({ id: events.id, timestamp: events.timestamp, searchText: events.searchText })
    .from(events)
    .where(and(...base))
    .orderBy(desc(events.timestamp), desc(events.id))
    .limit(window)
    .as("recent");
  const found = await db
    .select({ id: recent.id, timestamp: recent.timestamp })
    .from(recent)
    .where(sql`${recent.searchText} like ${pattern}`)
    .orderBy(desc(recent.timestamp), desc(recent.id))
    .limit(want);

  let hits = found;
  let scanCursor: EventCursor | null = null;
  if (found.length < want) {
    const boundary = await windowBoundary(db, base, window);
    if (boundary && grams.length) {
      hits = [...found, ...(await olderMatches(db, { base, boundary, grams, pattern, limit: want - found.length }))];
    } else if (boundary) {
      scanCursor = boundary;
    }
  }

  const rows = await eventsByIds(db, { channelId: params.channelId, ids: hits.map((h) => h.id) });
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor: EventCursor | null = rows.length > params.limit && last ? { timestamp: last.timestamp, id: last.id } : scanCursor;
  return { items, nextCursor };
}

/** The oldest event of the scanned window, or null when the window reached the end of history. */
async function windowBoundary(db: Db, base: SQL[], window: number): Promise<EventCursor | null> {
  const [row] = await db
    .select({ id: events.id, timestamp: events.timestamp })
    .from(events)
    .where(and(...base))
    .orderBy(desc(events.timestamp), desc(events.id))
    .offset(window - 1)
    .limit(1);
  return row ? { id: row.id, timestamp: row.timestamp } : null;
}

async function olderMatches(db: Db, p: { base: SQL[]; boundary: EventCursor; grams: number[]; pattern: string; limit: number }) {
  const result = await db.execute<{ id: string | number; timestamp: string | Date }>(olderMatchesSql(p));
  const rows = (result as unknown as { rows: Array<{ id: string | number; timestamp: string | Date }> }).rows;
  return rows.map((r) => ({ id: Number(r.id), timestamp: new Date(r.timestamp) }));
}

/** The second step's SQL (exported for EXPLAIN in tests). */
export function olderMatchesSql(p: { base: SQL[]; boundary: EventCursor; grams: number[]; pattern: string; limit: number }) {
  const gramArray = sql.raw(`'{${p.grams.map((g) => g | 0).join(",")}}'::int4[]`);
  return sql`
    with m as materialized (
      select ${events.id} as id, ${events.timestamp} as timestamp from ${events}
      where ${and(...p.base)}
        -- "+ interval '0 s'" keeps the time bound out of the index conditions on purpose: the bigram
        -- index must drive this step (see above), the bound only filters what it finds.
        and (${events.timestamp} + interval '0 s', ${events.id}) < (${p.boundary.timestamp.toISOString()}::timestamptz, ${p.boundary.id})
        and ${events.searchGrams} @> ${gramArray}
        and ${events.searchText} like ${p.pattern})
    select id, timestamp from m order by timestamp desc, id desc limit ${p.limit}`;
}
