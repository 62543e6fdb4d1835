import { markConversationRead } from "@/lib/contacts/chat-signals";
import { userIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/**
 * An operator opened this friend's conversation: their messages are marked as read in LINE, when the
 * channel's setting is on. Best effort: always 200, with whether it was done and why not.
 */
export const POST = apiRoute<{ userId: string }>({ role: "operator" }, async ({ params, db, channelId, runtime }) =>
  markConversationRead(db, { channelId, userId: userIdParam(params.userId), clients: runtime.line }),
);
