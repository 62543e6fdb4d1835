import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { readConversation } from "@/lib/contacts/read";
import { chatIdParam } from "@/lib/contacts/route-params";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** A group's or room's conversation: its events, and pushes and replies the account sent to it. */
export const GET = apiRoute<{ chatId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) =>
  readConversation(db, { channelId, with: chatIdParam(params.chatId), query: parseSearchParams(conversationQuerySchema, req) }),
);
