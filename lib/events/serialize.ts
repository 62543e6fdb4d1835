import type { EventListRow } from "@/db/queries/events";
import { replyDeadline } from "@/lib/sending/reply-window";

/** An event as the API returns it: ids as strings, times as ISO 8601, the raw event as `payload`. */
export function serializeEvent(row: EventListRow) {
  return {
    id: String(row.id),
    deliveryId: row.deliveryId,
    webhookEventId: row.webhookEventId,
    type: row.type,
    messageType: row.messageType,
    messageId: row.messageId,
    sourceType: row.sourceType,
    userId: row.userId,
    groupId: row.groupId,
    roomId: row.roomId,
    timestamp: row.timestamp.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    isRedelivery: row.isRedelivery,
    mode: row.mode,
    replyToken: row.replyToken,
    /** Until when "Reply" works (LINE: about a minute after the event arrived), or null. */
    replyDeadline: replyDeadline(row)?.toISOString() ?? null,
    text: row.text,
    payload: row.payload as Record<string, unknown>,
  };
}

export type EventItem = ReturnType<typeof serializeEvent>;
