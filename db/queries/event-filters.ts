import { and, between, eq, gte, inArray, lte, desc, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { events } from "../schema/webhook";

// What a timeline query is made of, shared by the plain list (events.ts) and search (event-search.ts).

export interface EventCursor {
  timestamp: Date;
  id: number;
}

export interface ListEventsParams {
  channelId: number;
  limit: number;
  cursor?: EventCursor;
  type?: string;
  messageType?: string;
  sourceType?: string;
  userId?: string;
  groupId?: string;
  roomId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  redelivery?: boolean;
  /** Only events stored with ids in this range (the live tail fetches exactly what was just written). */
  idRange?: { min: number; max: number };
}

export const listColumns = {
  id: events.id,
  deliveryId: events.deliveryId,
  webhookEventId: events.webhookEventId,
  type: events.type,
  messageType: events.messageType,
  messageId: events.messageId,
  sourceType: events.sourceType,
  userId: events.userId,
  groupId: events.groupId,
  roomId: events.roomId,
  timestamp: events.timestamp,
  receivedAt: events.receivedAt,
  isRedelivery: events.isRedelivery,
  mode: events.mode,
  replyToken: events.replyToken,
  text: events.text,
  payload: events.payload,
};

/** Events by id, newest first (the second step of a search). */
export async function eventsByIds(db: Db, params: { channelId: number; ids: number[] }) {
  if (params.ids.length === 0) return [];
  return db
    .select(listColumns)
    .from(events)
    .where(and(eq(events.channelId, params.channelId), inArray(events.id, params.ids)))
    .orderBy(desc(events.timestamp), desc(events.id));
}

/** Every filter but the text search, as index-friendly conditions. */
export function eventConditions(p: ListEventsParams): SQL[] {
  const c: SQL[] = [eq(events.channelId, p.channelId)];
  if (p.type) c.push(eq(events.type, p.type));
  if (p.messageType) c.push(eq(events.messageType, p.messageType));
  if (p.sourceType) c.push(eq(events.sourceType, p.sourceType));
  if (p.userId) c.push(eq(events.userId, p.userId));
  if (p.groupId) c.push(eq(events.groupId, p.groupId));
  if (p.roomId) c.push(eq(events.roomId, p.roomId));
  if (p.redelivery !== undefined) c.push(eq(events.isRedelivery, p.redelivery));
  if (p.from) c.push(gte(events.timestamp, p.from));
  if (p.to) c.push(lte(events.timestamp, p.to));
  if (p.idRange) c.push(between(events.id, p.idRange.min, p.idRange.max));
  if (p.cursor) {
    // A row comparison, not (a < x or (a = x and b < y)): only this form becomes an index bound.
    c.push(sql`(${events.timestamp}, ${events.id}) < (${p.cursor.timestamp.toISOString()}::timestamptz, ${p.cursor.id})`);
  }
  return c;
}
