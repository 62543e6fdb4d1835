import { conversationQuerySchema } from "@/lib/contacts/conversation-schema";
import { readConversation } from "@/lib/contacts/read";
import { userIdParam } from "@/lib/contacts/route-params";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Everything between a friend and the account, newest first. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) =>
  readConversation(db, { channelId, with: { userId: userIdParam(params.userId) }, query: parseSearchParams(conversationQuerySchema, req) }),
);
