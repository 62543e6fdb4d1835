import { getFriend } from "@/db/queries/friends";
import { conversationPage, decodeConversationCursor, encodeConversationCursor } from "@/lib/contacts/conversation";
import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { userIdParam } from "@/lib/contacts/route-params";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { ApiError } from "@/lib/platform/http/errors";

/**
 * Everything between a friend and the account, newest first: their events and the sends that reached
 * them (pushes, replies, multicasts naming them, broadcasts and narrowcasts since they were first seen).
 */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) => {
  const userId = userIdParam(params.userId);
  const query = parseSearchParams(conversationQuerySchema, req);
  const cursor = query.cursor ? decodeConversationCursor(query.cursor) : undefined;
  if (query.cursor && !cursor) throw new ApiError(400, "invalid_request", "cursor: is not a cursor returned by this API", [{ property: "cursor", message: "is not a cursor returned by this API", key: "validation.cursor" }]);
  const friend = await getFriend(db, { channelId, userId });
  const page = await conversationPage(db, { channelId, target: { kind: "user", userId, since: friend?.firstSeenAt, status: friend?.status }, cursor: cursor ?? undefined, limit: query.limit });
  return { ...page, nextCursor: page.nextCursor ? encodeConversationCursor(page.nextCursor) : null };
});
