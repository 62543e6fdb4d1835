import type { EventListRow } from "@/db/queries/events";
import { NO_SOURCE_NAMES, type SourceNames } from "@/db/queries/event-sources";
import { replyDeadline } from "@/lib/sends/reply-window";

/**
 * An event as the API returns it: ids as strings, times as ISO 8601, the raw event as `payload`, and
 * the names the console knows its sender and chat by (null until their profile or summary is fetched).
 */
export function serializeEvent(row: EventListRow, names: SourceNames = NO_SOURCE_NAMES) {
  const chatId = row.groupId ?? row.roomId;
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
    userName: (row.userId && names.users.get(row.userId)) || null,
    chatName: (chatId && names.chats.get(chatId)) || null,
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

/** The ids of a set of events to look names up for (sourceNames). */
export function sourceIds(rows: ReadonlyArray<Pick<EventListRow, "userId" | "groupId" | "roomId">>) {
  const userIds: string[] = [];
  const chatIds: string[] = [];
  for (const r of rows) {
    if (r.userId) userIds.push(r.userId);
    const chatId = r.groupId ?? r.roomId;
    if (chatId) chatIds.push(chatId);
  }
  return { userIds, chatIds };
}
