import { chatMembersSeen, getChat } from "@/db/queries/chats";
import { chatIdParam } from "@/lib/contacts/route-params";
import { serializeChat } from "@/lib/contacts/serialize-chat";
import { apiRoute } from "@/lib/runtime/api-route";
import { notFound } from "@/lib/platform/http/errors";

/** One group or room with the members seen in it (current ones first). */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const { chatId } = chatIdParam(params.chatId);
  const chat = await getChat(db, { channelId, chatId });
  if (!chat) throw notFound("This group or room");
  const members = await chatMembersSeen(db, { channelId, chatId, limit: 500 });
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
});
