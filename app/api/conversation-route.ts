import type { ConversationTarget } from "@/db/queries/conversation";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { sendToConversation } from "@/lib/sends/conversation-send";
import { serializeSendSummary } from "@/lib/sends/serialize";
import { conversationSendBodySchema } from "@/lib/sends/tools-schemas";

/**
 * POST …/messages of a friend, group or room: answer with a free reply while one of their reply tokens
 * can still be used, else 409 reply_window_closed unless the body says allowPush (then a push). 202 with
 * the stored send and how it goes (`via`); a repeated retryKey answers 200 with the same send.
 */
export function conversationSendRoute<P>(targetOf: (params: P) => ConversationTarget) {
  return apiRoute<P>({ role: "operator" }, async ({ req, params, db, channelId, actor, audit }) => {
    const target = targetOf(params);
    const body = await parseJsonBody(conversationSendBodySchema, req);
    const { send, created, via } = await sendToConversation(db, { channelId, target, actor, ...body });
    if (created) {
      const messages = body.messages.map((m) => m.type);
      if (via === "reply") await audit("message.reply_sent", send.id, { eventId: send.replyToEventId, messages, from: "conversation" });
      else
        await audit("message.sent", send.id, {
          kind: "push",
          recipients: send.recipientCount,
          messages,
          to: target.kind === "user" ? target.userId : target.chatId,
          from: "conversation",
        });
    }
    return Response.json({ ...serializeSendSummary(send), via }, { status: created ? 202 : 200 });
  });
}
