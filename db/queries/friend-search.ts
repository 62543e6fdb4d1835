import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import { escapeLike, normalizeSearchText, queryGrams } from "@/db/search-text";
import type { FriendCursor, FriendFilter, FriendSort } from "@/db/queries/friend-filter";
import type { Db } from "../client";
import { friends } from "../schema/contacts";
import { cursorCondition, friendColumns, friendConditions, sortKey, sortValue, type FriendListRow } from "./friends";

// Name search, in two steps — the same reasoning as the timeline's text search (event-search.ts):
// 1. Scan the first WINDOW friends in the list's own order (its index, bounded work) and keep those
//    whose name matches. A common name ("雅婷", a family name) fills the page here.
// 2. If the page is not full, look further through the bigram GIN index (every gram required, LIKE
//    confirms), materialised so the planner cannot trade it for an unbounded scan in sort order.
// A query with no grams (one ASCII letter) only scans, a window a page, and may answer a short page
// with a cursor to go on from.
const WINDOW = 2000;

export async function searchFriends(
  db: Db,
  params: { channelId: number; filter: FriendFilter & { q: string }; sort: FriendSort; limit: number; cursor?: FriendCursor; window?: number },
) {
  const { q, ...rest } = params.filter;
  const needle = normalizeSearchText(q);
  const grams = queryGrams(needle);
  const pattern = `%${escapeLike(needle)}%`;
  const want = params.limit + 1;
  const window = params.window ?? WINDOW;
  const base = friendConditions(params.channelId, rest);
  if (params.cursor) base.push(cursorCondition(params.sort, params.cursor));
  const { key, ascending } = sortKey(params.sort);
  const order = ascending ? [asc(key), asc(friends.userId)] : [desc(key), desc(friends.userId)];

  const scanned = db
    .select({ ...friendColumns, searchText: friends.searchText })
    .from(friends)
    .where(and(...base))
    .orderBy(...order)
    .limit(window)
    .as("scanned");
  const found: FriendListRow[] = (
    await db
      .select()
      .from(scanned)
      .where(sql`${scanned.searchText} like ${pattern}`)
      .orderBy(...(ascending ? [asc(scanned[sortField(params.sort)]), asc(scanned.userId)] : [desc(scanned[sortField(params.sort)]), desc(scanned.userId)]))
      .limit(want)
  ).map(({ searchText: _s, ...row }) => row);

  let rows = found;
  let scanCursor: FriendCursor | null = null;
  if (found.length < want) {
    const [edge] = await db
      .select(friendColumns)
      .from(friends)
      .where(and(...base))
      .orderBy(...order)
      .offset(window - 1)
      .limit(1);
    if (edge && grams.length) {
      const boundary = { v: sortValue(params.sort, edge), u: edge.userId };
      const older = await db.execute(olderMatchesSql({ base, sort: params.sort, boundary, grams, pattern, limit: want - found.length }));
      const ids = (older as unknown as { rows: Array<{ user_id: string }> }).rows.map((r) => r.user_id);
      if (ids.length) {
        const more = await db
          .select(friendColumns)
          .from(friends)
          .where(
            and(
              ...friendConditions(params.channelId, {}),
              sql`${friends.userId} in (${sql.join(
                ids.map((i) => sql`${i}`),
                sql`, `,
              )})`,
            ),
          )
          .orderBy(...order);
        rows = [...found, ...more];
      }
    } else if (edge) {
      scanCursor = { v: sortValue(params.sort, edge), u: edge.userId };
    }
  }
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > params.limit && last ? { v: sortValue(params.sort, last), u: last.userId } : scanCursor;
  return { items, nextCursor };
}

/** The second step's SQL (exported for EXPLAIN in tests). */
export function olderMatchesSql(p: { base: SQL[]; sort: FriendSort; boundary: FriendCursor; grams: number[]; pattern: string; limit: number }) {
  const gramArray = sql.raw(`'{${p.grams.map((g) => g | 0).join(",")}}'::int4[]`);
  const { key, ascending } = sortKey(p.sort);
  // The bound is wrapped (|| '' / + interval '0 s') so it filters what the bigram index finds instead of
  // becoming an index condition on the sort index: the GIN index must drive this step.
  const keyExpr = p.sort === "name" ? sql`(${key} || '')` : sql`(${key} + interval '0 s')`;
  const bound = p.sort === "name" ? sql`${p.boundary.v}` : sql`${p.boundary.v}::timestamptz`;
  const beyond = ascending
    ? sql`(${keyExpr}, ${friends.userId}) > (${bound}, ${p.boundary.u})`
    : sql`(${keyExpr}, ${friends.userId}) < (${bound}, ${p.boundary.u})`;
  return sql`
    with m as materialized (
      select ${friends.userId} as user_id, ${key} as k from ${friends}
      where ${and(...p.base)} and ${beyond}
        and ${friends.searchGrams} @> ${gramArray}
        and ${friends.searchText} like ${p.pattern})
    select user_id from m order by k ${sql.raw(ascending ? "asc" : "desc")}, user_id ${sql.raw(ascending ? "asc" : "desc")} limit ${p.limit}`;
}

function sortField(sort: FriendSort) {
  return sort === "name" ? "nameKey" : sort === "firstSeen" ? "firstSeenAt" : "lastActiveAt";
}
