import type { Db } from "@/db/client";
import { searchFriends } from "@/db/queries/friend-search";
import { listFriends } from "@/db/queries/friends";
import { tagsOfFriends } from "@/db/queries/friend-tags";
import { getSegment } from "@/db/queries/segments";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { segmentFilterSchema, segmentToFriendFilter } from "@/lib/segments/segment-schema";
import { normalizeSearchText } from "@/db/search-text";
import { userIdPrefix, type FriendFilter } from "@/db/queries/friend-filter";
import { decodeFriendCursor, encodeFriendCursor } from "./friend-cursor";
import type { ListFriendsQuery } from "./list-friends-schema";
import { serializeFriend } from "./serialize";

/** The list's query as a filter: its own fields, narrowed further by a segment when one is named. */
export async function friendFilterOf(db: Db, channelId: number, q: Omit<ListFriendsQuery, "sort" | "limit" | "cursor">): Promise<FriendFilter> {
  let filter: FriendFilter = {
    q: q.q,
    statuses: q.status ? [q.status] : undefined,
    languages: q.language ? [q.language] : undefined,
    tagsAll: q.tag ? [q.tag] : undefined,
    activeSince: q.activeSince,
  };
  if (q.segmentId) {
    const segment = await getSegment(db, { channelId, id: q.segmentId });
    if (!segment) throw notFound("The segment");
    filter = intersect(segmentToFriendFilter(segmentFilterSchema.parse(segment.filter)), filter);
  }
  return filter;
}

/** GET /api/contacts: a page of friends with their tags. */
export async function friendListPage(db: Db, channelId: number, q: ListFriendsQuery) {
  const cursor = q.cursor ? decodeFriendCursor(q.sort, q.cursor) : undefined;
  if (q.cursor && !cursor)
    throw new HttpError(400, "invalid_request", "cursor: is not a cursor returned by this API for this sort", [
      { property: "cursor", message: "is not a cursor returned by this API for this sort", key: "validation.cursor" },
    ]);
  const filter = await friendFilterOf(db, channelId, q);
  const page = await friendsPage(db, { channelId, filter, sort: q.sort, limit: q.limit, cursor: cursor ?? undefined });
  const tags = await tagsOfFriends(db, { channelId, userIds: page.items.map((f) => f.userId) });
  return {
    items: page.items.map((f) => serializeFriend(f, tags.get(f.userId) ?? [])),
    nextCursor: page.nextCursor ? encodeFriendCursor(q.sort, page.nextCursor) : null,
  };
}

/** A page of the list: a name search goes through the two-step search, everything else is one keyset query. */
export function friendsPage(db: Db, params: Parameters<typeof listFriends>[1]) {
  const q = params.filter.q;
  if (q && !userIdPrefix(normalizeSearchText(q))) return searchFriends(db, { ...params, filter: { ...params.filter, q } });
  return listFriends(db, params);
}

// Both filters must hold: lists intersect, tag lists add up, date bounds take the narrower side.
function intersect(a: FriendFilter, b: FriendFilter): FriendFilter {
  const both = <T>(x?: T[], y?: T[]) => (x && y ? x.filter((v) => y.includes(v)) : (x ?? y));
  const join = <T>(x?: T[], y?: T[]) => (x || y ? [...(x ?? []), ...(y ?? [])] : undefined);
  const max = (x?: Date, y?: Date) => (x && y ? (x > y ? x : y) : (x ?? y));
  const min = (x?: Date, y?: Date) => (x && y ? (x < y ? x : y) : (x ?? y));
  return {
    q: b.q ?? a.q,
    statuses: both(a.statuses, b.statuses),
    languages: both(a.languages, b.languages),
    tagsAny: a.tagsAny ?? b.tagsAny,
    tagsAll: join(a.tagsAll, b.tagsAll),
    tagsNone: join(a.tagsNone, b.tagsNone),
    activeSince: max(a.activeSince, b.activeSince),
    activeBefore: min(a.activeBefore, b.activeBefore),
    firstSeenSince: max(a.firstSeenSince, b.firstSeenSince),
    firstSeenBefore: min(a.firstSeenBefore, b.firstSeenBefore),
  };
}
