import { chatIdParam } from "@/lib/contacts/route-params";
import { conversationSendRoute } from "@/app/api/conversation-route";

/** Answer a group or room from its conversation: a free reply while a token of its works, else a push they agreed to. */
export const POST = conversationSendRoute<{ chatId: string }>((p) => {
  const { chatId, type } = chatIdParam(p.chatId);
  return { kind: type, chatId };
});
