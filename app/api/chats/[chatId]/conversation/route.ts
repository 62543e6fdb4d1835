import { conversationPage, decodeConversationCursor, encodeConversationCursor } from "@/lib/contacts/conversation";
import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { chatIdParam } from "@/lib/contacts/route-params";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { ApiError } from "@/lib/platform/http/errors";

/** A group's or room's conversation: its events, and pushes and replies the account sent to it. */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) => {
  const { chatId, type } = chatIdParam(params.chatId);
  const query = parseSearchParams(conversationQuerySchema, req);
  const cursor = query.cursor ? decodeConversationCursor(query.cursor) : undefined;
  if (query.cursor && !cursor) throw new ApiError(400, "invalid_request", "cursor: is not a cursor returned by this API", [{ property: "cursor", message: "is not a cursor returned by this API", key: "validation.cursor" }]);
  const page = await conversationPage(db, { channelId, target: { kind: type, chatId }, cursor: cursor ?? undefined, limit: query.limit });
  return { ...page, nextCursor: page.nextCursor ? encodeConversationCursor(page.nextCursor) : null };
});
