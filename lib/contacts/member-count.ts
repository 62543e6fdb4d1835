import type { Db } from "@/db/client";
import { saveChatInfo } from "@/db/queries/chats";
import type { ChannelLine } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";

/**
 * How many members a group or room has now, asked of LINE (the bot not counted). A push there counts
 * once per member against the month's quota, so the composer asks before sending; the chat's stored
 * count is brought up to date on the way. LINE's 404 (the account is not in it) comes back as ours.
 */
export async function liveMemberCount(db: Db, line: ChannelLine, chat: { chatId: string; type: "group" | "room" }) {
  const { count } = await askLine(async () => {
    const { api } = await line.clients(line.channelId);
    return chat.type === "group" ? api.getGroupMemberCount(chat.chatId) : api.getRoomMemberCount(chat.chatId);
  });
  await saveChatInfo(db, { channelId: line.channelId, chatId: chat.chatId, memberCount: count });
  return { chatId: chat.chatId, type: chat.type, count };
}
