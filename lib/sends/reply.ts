import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getEvent } from "@/db/queries/events";
import { SendConflictError } from "@/db/queries/sends";
import { sends } from "@/db/schema/sends";
import type { Actor } from "@/lib/auth/require-actor";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import type { Message } from "@/lib/line/messages/message-schema";
import { createSend } from "./create-send";
import { replyDeadline } from "./reply-window";

export async function replyToEvent(db: Db, p: { channelId: number; eventId: number; actor: Actor; messages: Message[]; notificationDisabled?: boolean }) {
  const event = await getEvent(db, { channelId: p.channelId, id: p.eventId });
  if (!event) throw notFound("Event");
  const deadline = replyDeadline(event);
  if (!deadline) throw new HttpError(409, "no_reply_token", "This event has no reply token; send a push message instead");
  if (Date.now() > deadline.getTime()) {
    throw new HttpError(
      409,
      "reply_token_expired",
      "The reply token has expired (LINE allows about a minute); send a push message instead — it counts against the monthly quota",
    );
  }
  const [used] = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.channelId, p.channelId), eq(sends.replyToEventId, p.eventId)))
    .limit(1);
  if (used) throw new HttpError(409, "reply_token_used", "This event has already been replied to; a reply token works once");
  const { send } = await createSend(db, {
    channelId: p.channelId,
    kind: "reply",
    body: { messages: p.messages, notificationDisabled: p.notificationDisabled, replyToken: event.replyToken! } as never,
    actor: p.actor,
    replyToEventId: p.eventId,
  }).catch((err) => {
    if (err instanceof SendConflictError) throw new HttpError(409, "reply_token_used", "This event has already been replied to; a reply token works once");
    throw err;
  });
  return send;
}
