import type { listChats } from "@/db/queries/chats";

type ChatListRow = Awaited<ReturnType<typeof listChats>>[number];

/** A group or room as the API returns it (GET /api/chats items). */
export function serializeChat(c: ChatListRow) {
  return {
    chatId: c.chatId,
    type: c.type,
    name: c.name,
    pictureUrl: c.pictureUrl,
    memberCount: c.memberCount,
    /** Members the console has seen (in events): LINE lists member ids only to verified accounts. */
    membersSeen: c.membersSeen,
    joined: c.status === "joined",
    firstSeenAt: c.firstSeenAt.toISOString(),
    lastActiveAt: c.lastActiveAt.toISOString(),
  };
}

export type ChatItem = ReturnType<typeof serializeChat>;
