import type { Db } from "@/db/client";
import { chatMembersSeen, chatsOfUser, getChat, listChats } from "@/db/queries/chats";
import { channelsWithFriend, friendStatusCounts, getFriend } from "@/db/queries/friends";
import { listTags, tagsOfFriends } from "@/db/queries/friend-tags";
import { getLineSync } from "@/db/queries/line-syncs";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { conversationPage, decodeConversationCursor, encodeConversationCursor } from "./conversation";
import type { ConversationQuery } from "./conversation-schema";
import { FOLLOWERS_SYNC } from "./followers-sync";
import { friendListPage } from "./list-friends";
import type { ListFriendsQuery } from "./list-friends-schema";
import { askProfileSoon } from "./profile-jobs";
import { serializeFriend } from "./serialize";
import { serializeChat } from "./serialize-chat";

// The reads of friends, chats and their conversations, for their GET routes and the pages that show them.

export function readFriends(db: Db, params: { channelId: number; query: ListFriendsQuery }) {
  return friendListPage(db, params.channelId, params.query);
}

/** How many friends per status, and how the follower sync with LINE is doing. */
export async function readFriendStats(db: Db, params: { channelId: number }) {
  const counts = await friendStatusCounts(db, params);
  const sync = await getLineSync(db, { channelId: params.channelId, name: FOLLOWERS_SYNC });
  return {
    counts: { friend: counts.friend ?? 0, blocked: counts.blocked ?? 0, unknown: counts.unknown ?? 0 },
    followersSync: sync
      ? { status: sync.status, startedAt: sync.startedAt?.toISOString() ?? null, finishedAt: sync.finishedAt?.toISOString() ?? null, details: sync.details }
      : null,
  };
}

/** The tags in use, with how many friends carry each, most used first. */
export async function readTags(db: Db, params: { channelId: number }) {
  return { items: await listTags(db, params) };
}

/**
 * One friend: the list's fields plus profile freshness, the groups and rooms they were seen in, and the
 * other channels (of those given: the ones the reader may see) where the same user id is a friend — LINE
 * gives a person one user id across a provider's accounts, another under every other provider.
 */
export async function readFriend(db: Db, params: { channelId: number; userId: string; otherChannels?: Array<{ id: number; slug: string; name: string }> }) {
  const friend = await getFriend(db, params);
  if (!friend) throw notFound("This friend");
  if (friend.profileStatus === "pending") await askProfileSoon(db, params);
  const [tags, chats] = [await tagsOfFriends(db, { channelId: params.channelId, userIds: [params.userId] }), await chatsOfUser(db, params)];
  const others = (params.otherChannels ?? []).filter((c) => c.id !== params.channelId);
  const alsoIn = await channelsWithFriend(db, { userId: params.userId, channelIds: others.map((c) => c.id) });
  return {
    ...serializeFriend(friend, tags.get(params.userId) ?? []),
    profileStatus: friend.profileStatus,
    profileFetchedAt: friend.profileFetchedAt?.toISOString() ?? null,
    statusAt: friend.statusAt?.toISOString() ?? null,
    chats: chats.map((c) => ({
      chatId: c.chatId,
      type: c.type,
      name: c.name,
      pictureUrl: c.pictureUrl,
      memberCount: c.memberCount,
      current: c.current,
      joined: c.status === "joined",
    })),
    alsoIn: alsoIn.map((a) => {
      const c = others.find((o) => o.id === a.channelId)!;
      return { key: c.slug, name: c.name, status: a.status };
    }),
  };
}

/** Groups and rooms the account is or was in, most recently active first; `q` matches names or an id. */
export async function readChats(db: Db, params: { channelId: number; q?: string; limit: number }) {
  const rows = await listChats(db, { channelId: params.channelId, q: params.q || undefined, limit: params.limit });
  return { items: rows.map(serializeChat) };
}

/** One group or room with the members seen in it (current ones first). */
export async function readChat(db: Db, params: { channelId: number; chatId: string }) {
  const chat = await getChat(db, params);
  if (!chat) throw notFound("This group or room");
  const members = await chatMembersSeen(db, { ...params, limit: 500 });
  return {
    ...serializeChat(chat),
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      pictureUrl: m.pictureUrl,
      status: m.status ?? "unknown",
      current: m.leftAt === null || m.lastSeenAt > m.leftAt,
      firstSeenAt: m.firstSeenAt.toISOString(),
      lastSeenAt: m.lastSeenAt.toISOString(),
    })),
  };
}

/**
 * Everything between the account and a friend, group or room, newest first: their events and the sends
 * that reached them (for a friend: pushes, replies, multicasts naming them, broadcasts and narrowcasts
 * since they were first seen).
 */
export async function readConversation(
  db: Db,
  params: { channelId: number; with: { userId: string } | { chatId: string; type: "group" | "room" }; query: ConversationQuery },
) {
  const { channelId, query } = params;
  const cursor = query.cursor ? decodeConversationCursor(query.cursor) : undefined;
  if (query.cursor && !cursor)
    throw new HttpError(400, "invalid_request", "cursor: is not a cursor returned by this API", [
      { property: "cursor", message: "is not a cursor returned by this API", key: "validation.cursor" },
    ]);
  let target;
  if ("userId" in params.with) {
    const friend = await getFriend(db, { channelId, userId: params.with.userId });
    target = { kind: "user" as const, userId: params.with.userId, since: friend?.firstSeenAt, status: friend?.status };
  } else {
    target = { kind: params.with.type, chatId: params.with.chatId };
  }
  const page = await conversationPage(db, { channelId, target, cursor: cursor ?? undefined, limit: query.limit });
  return { ...page, nextCursor: page.nextCursor ? encodeConversationCursor(page.nextCursor) : null };
}
