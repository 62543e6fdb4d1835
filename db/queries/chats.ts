import { and, asc, desc, eq, sql } from "drizzle-orm";
import { escapeLike, normalizeSearchText } from "@/db/search-text";
import type { Db } from "../client";
import { chatMembers, chats, friends } from "../schema/contacts";

// Groups and rooms the account is (or was) in. An account is in tens or hundreds of chats, not
// thousands, so the name search is a plain LIKE over the channel's rows.

export async function listChats(db: Db, params: { channelId: number; q?: string; limit: number }) {
  const c = [eq(chats.channelId, params.channelId)];
  if (params.q) {
    const needle = normalizeSearchText(params.q);
    c.push(sql`(lower(coalesce(${chats.name}, '')) like ${`%${escapeLike(needle)}%`} or ${chats.chatId} = ${params.q.trim()})`);
  }
  return db
    .select({ ...chatColumns, membersSeen: membersSeenCount })
    .from(chats)
    .where(and(...c))
    .orderBy(desc(chats.lastActiveAt), desc(chats.chatId))
    .limit(params.limit);
}

export async function getChat(db: Db, params: { channelId: number; chatId: string }) {
  const [row] = await db
    .select({ ...chatColumns, membersSeen: membersSeenCount })
    .from(chats)
    .where(and(eq(chats.channelId, params.channelId), eq(chats.chatId, params.chatId)));
  return row;
}

/** Members seen in a chat (current ones first, most recently seen first), with what we know of them. */
export async function chatMembersSeen(db: Db, params: { channelId: number; chatId: string; limit: number }) {
  return db
    .select({
      userId: chatMembers.userId,
      firstSeenAt: chatMembers.firstSeenAt,
      lastSeenAt: chatMembers.lastSeenAt,
      leftAt: chatMembers.leftAt,
      displayName: friends.displayName,
      pictureUrl: friends.pictureUrl,
      status: friends.status,
    })
    .from(chatMembers)
    .leftJoin(friends, and(eq(friends.channelId, chatMembers.channelId), eq(friends.userId, chatMembers.userId)))
    .where(and(eq(chatMembers.channelId, params.channelId), eq(chatMembers.chatId, params.chatId)))
    .orderBy(sql`${currentMember} desc`, desc(chatMembers.lastSeenAt), asc(chatMembers.userId))
    .limit(params.limit);
}

/** The chats a user has been seen in. */
export async function chatsOfUser(db: Db, params: { channelId: number; userId: string }) {
  return db
    .select({ ...chatColumns, current: sql<boolean>`${currentMember}` })
    .from(chatMembers)
    .innerJoin(chats, and(eq(chats.channelId, chatMembers.channelId), eq(chats.chatId, chatMembers.chatId)))
    .where(and(eq(chatMembers.channelId, params.channelId), eq(chatMembers.userId, params.userId)))
    .orderBy(desc(chats.lastActiveAt))
    .limit(100);
}

/** A chat the user is currently in (for a group member profile when LINE has no friend profile). */
export async function anyCurrentChatOf(db: Db, params: { channelId: number; userId: string }) {
  const [row] = await db
    .select({ chatId: chatMembers.chatId, type: chats.type })
    .from(chatMembers)
    .innerJoin(chats, and(eq(chats.channelId, chatMembers.channelId), eq(chats.chatId, chatMembers.chatId)))
    .where(and(eq(chatMembers.channelId, params.channelId), eq(chatMembers.userId, params.userId), eq(chats.status, "joined"), currentMember))
    .orderBy(desc(chatMembers.lastSeenAt))
    .limit(1);
  return row;
}

export async function saveChatInfo(
  db: Db,
  params: { channelId: number; chatId: string; name?: string | null; pictureUrl?: string | null; memberCount?: number | null },
) {
  await db
    .update(chats)
    .set({
      ...(params.name !== undefined ? { name: params.name } : {}),
      ...(params.pictureUrl !== undefined ? { pictureUrl: params.pictureUrl } : {}),
      ...(params.memberCount !== undefined ? { memberCount: params.memberCount } : {}),
      infoFetchedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(chats.channelId, params.channelId), eq(chats.chatId, params.chatId)));
}

/** LINE says the account is not in this chat (404): it left, unless a newer event says it is back. */
export async function markChatLeft(db: Db, params: { channelId: number; chatId: string; askedAt: Date }) {
  const asked = params.askedAt.toISOString();
  await db
    .update(chats)
    .set({ status: "left", statusAt: params.askedAt, infoFetchedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(chats.channelId, params.channelId),
        eq(chats.chatId, params.chatId),
        sql`(${chats.statusAt} is null or ${chats.statusAt} < ${asked}::timestamptz)`,
      ),
    );
}

const chatColumns = {
  chatId: chats.chatId,
  type: chats.type,
  name: chats.name,
  pictureUrl: chats.pictureUrl,
  memberCount: chats.memberCount,
  status: chats.status,
  firstSeenAt: chats.firstSeenAt,
  lastActiveAt: chats.lastActiveAt,
  infoFetchedAt: chats.infoFetchedAt,
};

// A member is current unless a memberLeft came after the last time they were seen.
const currentMember = sql`(${chatMembers.leftAt} is null or ${chatMembers.lastSeenAt} > ${chatMembers.leftAt})`;

// Spelled out with the table name: drizzle leaves columns in a select list unqualified, and inside the
// subquery an unqualified chat_id would mean the members' own column.
const membersSeenCount =
  sql<number>`(select count(*) from ${chatMembers} m where m.channel_id = "chats"."channel_id" and m.chat_id = "chats"."chat_id" and (m.left_at is null or m.last_seen_at > m.left_at))`.mapWith(
    Number,
  );
