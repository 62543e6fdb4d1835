import { and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import { escapeLike, normalizeSearchText, queryGrams, textGrams } from "@/db/search-text";
import { userIdPrefix, type FriendCursor, type FriendFilter, type FriendSort } from "@/db/queries/friend-filter";
import type { Db } from "../client";
import { friends, friendTags, NEVER_ACTIVE } from "../schema/contacts";

// The friend list and everything that filters friends (exports, segments, multicast to a segment).
// Each sort has its own (channel_id, key, user_id) index and pages by keyset on (key, user_id), so a
// deep page costs what the first does; filters are index conditions or cheap probes (tags).

export const friendColumns = {
  userId: friends.userId,
  displayName: friends.displayName,
  pictureUrl: friends.pictureUrl,
  statusMessage: friends.statusMessage,
  language: friends.language,
  status: friends.status,
  firstSeenAt: friends.firstSeenAt,
  lastActiveAt: friends.lastActiveAt,
  nameKey: friends.nameKey,
  profileStatus: friends.profileStatus,
  profileFetchedAt: friends.profileFetchedAt,
};

export type FriendListRow = { [K in keyof typeof friendColumns]: (typeof friends.$inferSelect)[K] };

export async function listFriends(db: Db, params: { channelId: number; filter: FriendFilter; sort: FriendSort; limit: number; cursor?: FriendCursor }) {
  const rows = await listFriendsQuery(db, params);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor: FriendCursor | null = rows.length > params.limit && last ? { v: sortValue(params.sort, last), u: last.userId } : null;
  return { items, nextCursor };
}

/** The list query itself (EXPLAIN in tests). Name searches go through friend-search.ts instead. */
export function listFriendsQuery(db: Db, params: { channelId: number; filter: FriendFilter; sort: FriendSort; limit: number; cursor?: FriendCursor }) {
  const c = friendConditions(params.channelId, params.filter);
  const { key, ascending } = sortKey(params.sort);
  if (params.cursor) c.push(cursorCondition(params.sort, params.cursor));
  return db
    .select(friendColumns)
    .from(friends)
    .where(and(...c))
    .orderBy(...(ascending ? [asc(key), asc(friends.userId)] : [desc(key), desc(friends.userId)]))
    .limit(params.limit + 1);
}

export async function countFriends(db: Db, params: { channelId: number; filter: FriendFilter }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(friends)
    .where(and(...friendConditions(params.channelId, params.filter)));
  return row?.n ?? 0;
}

/** Matching user ids in id order, a page at a time (multicast recipients, audience uploads, exports). */
export async function friendUserIds(db: Db, params: { channelId: number; filter: FriendFilter; after?: string; limit: number }): Promise<string[]> {
  const c = friendConditions(params.channelId, params.filter);
  if (params.after) c.push(gt(friends.userId, params.after));
  const rows = await db
    .select({ userId: friends.userId })
    .from(friends)
    .where(and(...c))
    .orderBy(asc(friends.userId))
    .limit(params.limit);
  return rows.map((r) => r.userId);
}

/** Matching friends in id order, a page at a time, with everything an export needs. */
export async function friendsForExport(db: Db, params: { channelId: number; filter: FriendFilter; after?: string; limit: number }) {
  const c = friendConditions(params.channelId, params.filter);
  if (params.after) c.push(gt(friends.userId, params.after));
  return db
    .select(friendColumns)
    .from(friends)
    .where(and(...c))
    .orderBy(asc(friends.userId))
    .limit(params.limit);
}

/** Which of these channels have this user id among their friends (LINE gives one id per provider). */
export async function channelsWithFriend(db: Db, params: { userId: string; channelIds: number[] }) {
  if (params.channelIds.length === 0) return [];
  return db
    .select({ channelId: friends.channelId, status: friends.status })
    .from(friends)
    .where(and(eq(friends.userId, params.userId), inArray(friends.channelId, params.channelIds)));
}

export async function getFriend(db: Db, params: { channelId: number; userId: string }) {
  const [row] = await db
    .select({ ...friendColumns, statusAt: friends.statusAt, followerSyncAt: friends.followerSyncAt })
    .from(friends)
    .where(and(eq(friends.channelId, params.channelId), eq(friends.userId, params.userId)));
  return row;
}

/** How many friends are in each status: an index-only scan of the status index. */
export async function friendStatusCounts(db: Db, params: { channelId: number }) {
  const rows = await db
    .select({ status: friends.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(friends)
    .where(eq(friends.channelId, params.channelId))
    .groupBy(friends.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<FriendListRow["status"], number>>;
}

/**
 * A profile LINE gave (so they are a friend): stored with its search text. The status becomes friend
 * unless newer evidence (an unfollow after we asked) says otherwise.
 */
export async function saveProfile(
  db: Db,
  params: {
    channelId: number;
    userId: string;
    askedAt: Date;
    profile: { displayName?: string; pictureUrl?: string; statusMessage?: string; language?: string };
    friend: boolean;
  },
) {
  const p = params.profile;
  const search = p.displayName ? normalizeSearchText(p.displayName.toWellFormed()) : null;
  const asked = params.askedAt.toISOString();
  await db
    .update(friends)
    .set({
      displayName: clean(p.displayName),
      pictureUrl: clean(p.pictureUrl),
      ...(params.friend ? { statusMessage: clean(p.statusMessage), language: clean(p.language) } : {}),
      nameKey: search || NO_NAME,
      searchText: search,
      searchGrams: search ? textGrams(search) : null,
      profileStatus: "ok",
      profileFetchedAt: new Date(),
      updatedAt: new Date(),
      ...(params.friend
        ? {
            status: sql`case when ${friends.statusAt} is null or ${friends.statusAt} < ${asked}::timestamptz then 'friend' else ${friends.status} end`,
            statusAt: sql`case when ${friends.statusAt} is null or ${friends.statusAt} < ${asked}::timestamptz then ${asked}::timestamptz else ${friends.statusAt} end`,
          }
        : {}),
    })
    .where(and(eq(friends.channelId, params.channelId), eq(friends.userId, params.userId)));
}

/**
 * LINE has no profile for them (404: blocked, not a friend, or no consent). Remembered so the profile is
 * not asked for again until the refresh interval; a "friend" with no profile has blocked the account.
 */
export async function markProfileNotFound(db: Db, params: { channelId: number; userId: string; askedAt: Date }) {
  const asked = params.askedAt.toISOString();
  await db
    .update(friends)
    .set({
      profileStatus: "not_found",
      profileFetchedAt: new Date(),
      updatedAt: new Date(),
      status: sql`case when ${friends.status} = 'friend' and (${friends.statusAt} is null or ${friends.statusAt} < ${asked}::timestamptz) then 'blocked' else ${friends.status} end`,
      statusAt: sql`case when ${friends.status} = 'friend' and (${friends.statusAt} is null or ${friends.statusAt} < ${asked}::timestamptz) then ${asked}::timestamptz else ${friends.statusAt} end`,
    })
    .where(and(eq(friends.channelId, params.channelId), eq(friends.userId, params.userId)));
}

export async function markProfileError(db: Db, params: { channelId: number; userId: string }) {
  await db
    .update(friends)
    .set({ profileStatus: "error", profileFetchedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(friends.channelId, params.channelId), eq(friends.userId, params.userId)));
}

/** Profiles older than `olderThan` (not blocked), oldest first: the refresh job queues these. */
export async function profilesDue(db: Db, params: { channelId: number; olderThan: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ userId: friends.userId })
    .from(friends)
    .where(and(eq(friends.channelId, params.channelId), sql`${friends.status} <> 'blocked'`, lt(friends.profileFetchedAt, params.olderThan)))
    .orderBy(asc(friends.profileFetchedAt))
    .limit(params.limit);
  return rows.map((r) => r.userId);
}

/**
 * One page of LINE's follower ids: they are friends (unless newer evidence says otherwise) and were
 * listed by the sync that started at `syncStartedAt`. Answers the ids the console had never seen.
 */
export async function upsertFollowers(db: Db, params: { channelId: number; userIds: string[]; syncStartedAt: Date }): Promise<string[]> {
  if (params.userIds.length === 0) return [];
  const now = new Date();
  const inserted = await db
    .insert(friends)
    .values(
      params.userIds.map((userId) => ({
        channelId: params.channelId,
        userId,
        status: "friend" as const,
        statusAt: params.syncStartedAt,
        firstSeenAt: now,
        lastActiveAt: NEVER_ACTIVE,
        nameKey: NO_NAME,
        followerSyncAt: params.syncStartedAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: friends.userId });
  const started = params.syncStartedAt.toISOString();
  await db
    .update(friends)
    .set({
      followerSyncAt: params.syncStartedAt,
      status: sql`case when ${friends.statusAt} is null or ${friends.statusAt} < ${started}::timestamptz then 'friend' else ${friends.status} end`,
      statusAt: sql`case when ${friends.statusAt} is null or ${friends.statusAt} < ${started}::timestamptz then ${started}::timestamptz else ${friends.statusAt} end`,
    })
    .where(and(eq(friends.channelId, params.channelId), inArray(friends.userId, params.userIds)));
  return inserted.map((r) => r.userId);
}

/** After a complete follower sync: friends it did not list have blocked the account since. */
export async function markUnlistedFollowersBlocked(db: Db, params: { channelId: number; syncStartedAt: Date }): Promise<number> {
  const started = params.syncStartedAt.toISOString();
  const rows = await db
    .update(friends)
    .set({ status: "blocked", statusAt: params.syncStartedAt, updatedAt: new Date() })
    .where(
      and(
        eq(friends.channelId, params.channelId),
        eq(friends.status, "friend"),
        sql`(${friends.followerSyncAt} is null or ${friends.followerSyncAt} < ${started}::timestamptz)`,
        sql`(${friends.statusAt} is null or ${friends.statusAt} < ${started}::timestamptz)`,
      ),
    )
    .returning({ userId: friends.userId });
  return rows.length;
}

/** Every filter as index-friendly conditions on `friends` (tags as probes of friend_tags' primary key). */
export function friendConditions(channelId: number, f: FriendFilter): SQL[] {
  const c: SQL[] = [eq(friends.channelId, channelId)];
  // An empty list (e.g. a list filter that contradicts a segment's) matches nobody; undefined means any.
  if (f.statuses)
    c.push(f.statuses.length === 0 ? sql`false` : f.statuses.length === 1 ? eq(friends.status, f.statuses[0]!) : inArray(friends.status, f.statuses));
  if (f.languages)
    c.push(f.languages.length === 0 ? sql`false` : f.languages.length === 1 ? eq(friends.language, f.languages[0]!) : inArray(friends.language, f.languages));
  if (f.activeSince) c.push(sql`${friends.lastActiveAt} >= ${f.activeSince.toISOString()}::timestamptz`);
  if (f.activeBefore) c.push(sql`${friends.lastActiveAt} < ${f.activeBefore.toISOString()}::timestamptz`);
  if (f.firstSeenSince) c.push(sql`${friends.firstSeenAt} >= ${f.firstSeenSince.toISOString()}::timestamptz`);
  if (f.firstSeenBefore) c.push(sql`${friends.firstSeenAt} < ${f.firstSeenBefore.toISOString()}::timestamptz`);
  if (f.tagsAny?.length) c.push(sql`exists (${tagProbe(f.tagsAny)})`);
  for (const tag of f.tagsAll ?? []) c.push(sql`exists (${tagProbe([tag])})`);
  if (f.tagsNone?.length) c.push(sql`not exists (${tagProbe(f.tagsNone)})`);
  if (f.q) c.push(...searchConditions(f.q));
  return c;
}

function tagProbe(tags: string[]) {
  // The outer columns spelled out with their table: wherever drizzle renders this (a where clause, a raw
  // statement), they must not be read as friend_tags' own columns.
  return sql`select 1 from ${friendTags} ft where ft.channel_id = "friends"."channel_id" and ft.user_id = "friends"."user_id" and ft.tag in (${sql.join(
    tags.map((t) => sql`${t}`),
    sql`, `,
  )})`;
}

// Names in any script: all of the query's bigrams must be in the name (GIN), LIKE confirms. A query
// that looks like the start of a user id searches ids instead (a range on the primary key).
function searchConditions(q: string): SQL[] {
  const needle = normalizeSearchText(q);
  const prefix = userIdPrefix(needle);
  if (prefix) return [sql`${friends.userId} between ${prefix} and ${prefix.padEnd(33, "f")}`];
  const grams = queryGrams(needle);
  const out: SQL[] = [sql`${friends.searchText} like ${`%${escapeLike(needle)}%`}`];
  if (grams.length) out.push(sql`${friends.searchGrams} @> ${sql.raw(`'{${grams.map((g) => g | 0).join(",")}}'::int4[]`)}`);
  return out;
}

/** After the cursor in this sort. A row comparison, not (a < x or (a = x and b < y)): only this form becomes an index bound. */
export function cursorCondition(sort: FriendSort, cursor: FriendCursor): SQL {
  const { key, ascending } = sortKey(sort);
  const v = sort === "name" ? sql`${cursor.v}` : sql`${cursor.v}::timestamptz`;
  return ascending ? sql`(${key}, ${friends.userId}) > (${v}, ${cursor.u})` : sql`(${key}, ${friends.userId}) < (${v}, ${cursor.u})`;
}

export function sortKey(sort: FriendSort) {
  if (sort === "name") return { key: friends.nameKey, ascending: true };
  return { key: sort === "firstSeen" ? friends.firstSeenAt : friends.lastActiveAt, ascending: false };
}

export function sortValue(sort: FriendSort, row: FriendListRow): string {
  if (sort === "name") return row.nameKey;
  return (sort === "firstSeen" ? row.firstSeenAt : row.lastActiveAt).toISOString();
}

/** Name key of a friend whose name is not known yet: sorts after every name. */
export const NO_NAME = "\uffff";

// Profile strings are shown and searched: no NUL, no lone surrogates, nothing absurdly long.
function clean(v: string | undefined): string | null {
  if (typeof v !== "string" || v === "") return null;
  return v.replaceAll("\u0000", "").toWellFormed().slice(0, 1000);
}
