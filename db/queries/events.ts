import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { eventCounts, events, webhookDeliveries, webhookTimings } from "../schema/webhook";
import { eventConditions, eventsByIds, listColumns, type EventCursor, type ListEventsParams } from "./event-filters";
import { searchEvents } from "./event-search";

export type { EventCursor, ListEventsParams } from "./event-filters";
export type EventListRow = Awaited<ReturnType<typeof eventsByIds>>[number];

/**
 * Newest first by event time, keyset-paginated on (timestamp, id). Every filter is backed by an index
 * that starts with channel_id and ends with (timestamp, id), so a page costs the same at any depth.
 */
export async function listEvents(db: Db, params: ListEventsParams) {
  if (params.q) return searchEvents(db, { ...params, q: params.q });
  const rows = await db
    .select(listColumns)
    .from(events)
    .where(and(...eventConditions(params)))
    .orderBy(desc(events.timestamp), desc(events.id))
    .limit(params.limit + 1);
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor: EventCursor | null = rows.length > params.limit && last ? { timestamp: last.timestamp, id: last.id } : null;
  return { items, nextCursor };
}

export async function getEvent(db: Db, params: { channelId: number; id: number }) {
  const [row] = await db
    .select(listColumns)
    .from(events)
    .where(and(eq(events.channelId, params.channelId), eq(events.id, params.id)));
  return row;
}

/** The SQL of a (non-search) list query, for EXPLAIN in tests. */
export function listEventsQuery(db: Db, params: ListEventsParams) {
  return db
    .select({ id: events.id })
    .from(events)
    .where(and(...eventConditions(params)))
    .orderBy(desc(events.timestamp), desc(events.id))
    .limit(params.limit + 1);
}

export interface EventStats {
  perType24h: Array<{ type: string; count: number }>;
  perType7d: Array<{ type: string; count: number }>;
  hourly24h: Array<{ hour: Date; count: number }>;
  lastDeliveryAt: Date | null;
  lastEventAt: Date | null;
  webhook: { deliveries: number; failed: number; p50Ms: number | null; p99Ms: number | null; sampled: number };
}

/**
 * How many events of these types happened since `since` (an hour boundary), from the hourly counters
 * the intake keeps: a handful of rows however busy the channel.
 */
export async function countEventsSince(db: Db, params: { channelId: number; types: string[]; since: Date }): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: eventCounts.type, count: sql<number>`sum(${eventCounts.count})`.mapWith(Number) })
    .from(eventCounts)
    .where(and(eq(eventCounts.channelId, params.channelId), inArray(eventCounts.type, params.types), gte(eventCounts.hour, params.since)))
    .groupBy(eventCounts.type);
  return Object.fromEntries(params.types.map((type) => [type, rows.find((r) => r.type === type)?.count ?? 0]));
}

/** The overview's figures. Every part reads a small table or an index end; nothing counts all events. */
export async function getEventStats(db: Db, params: { channelId: number; now?: Date }): Promise<EventStats> {
  const now = params.now ?? new Date();
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

  const perType = (since: Date) =>
    db
      .select({ type: eventCounts.type, count: sql<number>`sum(${eventCounts.count})`.mapWith(Number) })
      .from(eventCounts)
      .where(and(eq(eventCounts.channelId, params.channelId), gte(eventCounts.hour, hourOf(since))))
      .groupBy(eventCounts.type)
      .orderBy(sql`2 desc`);

  const [perType24h, perType7d, hourly, lastDelivery, lastEvent, health] = await Promise.all([
    perType(dayAgo),
    perType(weekAgo),
    db
      .select({ hour: eventCounts.hour, count: sql<number>`sum(${eventCounts.count})`.mapWith(Number) })
      .from(eventCounts)
      .where(and(eq(eventCounts.channelId, params.channelId), gte(eventCounts.hour, hourOf(dayAgo))))
      .groupBy(eventCounts.hour)
      .orderBy(eventCounts.hour),
    db
      .select({ at: webhookDeliveries.receivedAt })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.channelId, params.channelId))
      .orderBy(desc(webhookDeliveries.receivedAt), desc(webhookDeliveries.id))
      .limit(1),
    db.select({ at: events.timestamp }).from(events).where(eq(events.channelId, params.channelId)).orderBy(desc(events.timestamp), desc(events.id)).limit(1),
    // Health over the newest 10,000 requests of the last 24 h: bounded work however busy the channel.
    db.execute<{ deliveries: string; failed: string; p50: number | null; p99: number | null }>(sql`
      select count(*) as deliveries,
             count(*) filter (where status_code >= 300) as failed,
             percentile_cont(0.5) within group (order by latency_ms) as p50,
             percentile_cont(0.99) within group (order by latency_ms) as p99
      from (select status_code, latency_ms from ${webhookTimings}
            where channel_id = ${params.channelId} and received_at >= ${dayAgo.toISOString()}
            order by received_at desc limit 10000) recent`),
  ]);
  const h = (health as unknown as { rows: Array<Record<string, unknown>> }).rows[0] ?? {};
  const deliveries = Number(h.deliveries ?? 0);
  return {
    perType24h,
    perType7d,
    hourly24h: hourly,
    lastDeliveryAt: lastDelivery[0]?.at ?? null,
    lastEventAt: lastEvent[0]?.at ?? null,
    webhook: {
      deliveries,
      failed: Number(h.failed ?? 0),
      p50Ms: h.p50 == null ? null : Number(h.p50),
      p99Ms: h.p99 == null ? null : Number(h.p99),
      sampled: deliveries,
    },
  };
}
