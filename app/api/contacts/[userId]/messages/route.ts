import { userIdParam } from "@/lib/contacts/route-params";
import { conversationSendRoute } from "@/app/api/conversation-route";

/** Answer a friend from their conversation: a free reply while a token of theirs works, else a push they agreed to. */
export const POST = conversationSendRoute<{ userId: string }>((p) => ({ kind: "user", userId: userIdParam(p.userId) }));
