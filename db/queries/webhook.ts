import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { EventRow } from "@/lib/webhook/event-row";
import type { Db } from "../client";
import { eventCounts, events, webhookDeliveries, webhookTimings } from "../schema/webhook";

export const LIVE_CHANNEL = "oa_live";

export interface DeliveryRecord {
  id: string;
  channelId: number;
  receivedAt: Date;
  statusCode: number;
  signature: "valid" | "invalid" | "missing" | "unchecked";
  reason: (typeof webhookDeliveries.$inferInsert)["reason"] | null;
  reasonDetail: string | null;
  destination: string | null;
  isVerify: boolean;
  body: string;
  bodyBytes: number;
  bodyTruncated: boolean;
  userAgent: string | null;
  events: EventRow[];
}

/** Rows per INSERT: PostgreSQL allows 65,535 bind parameters per statement; events have ~20 columns. */
const EVENT_CHUNK = 1000;

/**
 * Write deliveries and their events in one transaction. Events already stored (same webhookEventId, or
 * same content when there is none) are skipped. Subscribers are told the id range of the new events
 * through NOTIFY, which PostgreSQL delivers only if the transaction commits.
 */
export async function storeDeliveries(db: Db, params: { deliveries: DeliveryRecord[] }) {
  const { deliveries } = params;
  if (deliveries.length === 0) return { inserted: 0 };
  return db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values(
      deliveries.map((d) => ({
        id: d.id,
        channelId: d.channelId,
        receivedAt: d.receivedAt,
        statusCode: d.statusCode,
        signature: d.signature,
        reason: d.reason,
        reasonDetail: d.reasonDetail,
        destination: d.destination,
        eventCount: d.events.length,
        isVerify: d.isVerify,
        body: d.body,
        bodyBytes: d.bodyBytes,
        bodyTruncated: d.bodyTruncated,
        userAgent: d.userAgent,
      })),
    );

    const rows = uniqueEventRows(deliveries);
    const inserted: Array<{ id: number; channelId: number; type: string; timestamp: Date }> = [];
    for (let i = 0; i < rows.length; i += EVENT_CHUNK) {
      const chunk = rows.slice(i, i + EVENT_CHUNK);
      inserted.push(
        ...(await tx
          .insert(events)
          .values(chunk)
          .onConflictDoNothing({ target: [events.channelId, events.dedupeKey] })
          .returning({ id: events.id, channelId: events.channelId, type: events.type, timestamp: events.timestamp })),
      );
    }
    await bumpEventCounts(tx, inserted);

    for (const channelId of new Set(deliveries.map((d) => d.channelId))) {
      const ids = inserted.filter((r) => r.channelId === channelId).map((r) => r.id);
      const payload = {
        channelId,
        deliveries: deliveries.filter((d) => d.channelId === channelId).length,
        events: ids.length,
        minId: ids.length ? Math.min(...ids) : null,
        maxId: ids.length ? Math.max(...ids) : null,
      };
      await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(payload)})`);
    }
    return { inserted: inserted.length };
  });
}

export interface TimingRecord {
  deliveryId: string;
  channelId: number;
  receivedAt: Date;
  statusCode: number;
  latencyMs: number;
}

export async function recordTimings(db: Db, params: { timings: TimingRecord[] }) {
  if (params.timings.length === 0) return;
  await db.insert(webhookTimings).values(params.timings).onConflictDoNothing();
}

/** Keep only the newest `keep` rejected deliveries of a channel (they are for diagnosis, not history). */
export async function pruneRejectedDeliveries(db: Db, params: { channelId: number; keep: number }) {
  await db.execute(sql`
    delete from ${webhookDeliveries}
    where channel_id = ${params.channelId} and status_code >= 300
      and (received_at, id) < (
        select received_at, id from ${webhookDeliveries}
        where channel_id = ${params.channelId} and status_code >= 300
        order by received_at desc, id desc
        offset ${params.keep - 1} limit 1)`);
}

export interface ListDeliveriesParams {
  channelId: number;
  limit: number;
  /** Only rejected (non-2xx) deliveries. */
  rejected?: boolean;
  /** Only verification pings (`events: []`). */
  verify?: boolean;
  cursor?: { receivedAt: Date; id: string };
}

/** Newest first, keyset-paginated; the body is left out (it can be 1 MiB). */
export async function listDeliveries(db: Db, params: ListDeliveriesParams) {
  const d = webhookDeliveries;
  const conditions = [eq(d.channelId, params.channelId)];
  if (params.rejected === true) conditions.push(gte(d.statusCode, 300));
  if (params.rejected === false) conditions.push(lt(d.statusCode, 300));
  if (params.verify !== undefined) conditions.push(eq(d.isVerify, params.verify));
  if (params.cursor) {
    conditions.push(
      sql`(${d.receivedAt}, ${d.id}) < (${params.cursor.receivedAt.toISOString()}::timestamptz, ${params.cursor.id})`,
    );
  }
  return db
    .select({
      id: d.id,
      receivedAt: d.receivedAt,
      statusCode: sql<number>`coalesce(${webhookTimings.statusCode}, ${d.statusCode})`.mapWith(Number),
      latencyMs: webhookTimings.latencyMs,
      signature: d.signature,
      reason: d.reason,
      reasonDetail: d.reasonDetail,
      destination: d.destination,
      eventCount: d.eventCount,
      isVerify: d.isVerify,
      bodyBytes: d.bodyBytes,
      userAgent: d.userAgent,
    })
    .from(d)
    .leftJoin(webhookTimings, eq(webhookTimings.deliveryId, d.id))
    .where(and(...conditions))
    .orderBy(desc(d.receivedAt), desc(d.id))
    .limit(params.limit);
}

export async function getDelivery(db: Db, params: { channelId: number; id: string }) {
  const d = webhookDeliveries;
  const [row] = await db
    .select({
      id: d.id,
      receivedAt: d.receivedAt,
      statusCode: sql<number>`coalesce(${webhookTimings.statusCode}, ${d.statusCode})`.mapWith(Number),
      latencyMs: webhookTimings.latencyMs,
      signature: d.signature,
      reason: d.reason,
      reasonDetail: d.reasonDetail,
      destination: d.destination,
      eventCount: d.eventCount,
      isVerify: d.isVerify,
      body: d.body,
      bodyBytes: d.bodyBytes,
      bodyTruncated: d.bodyTruncated,
      userAgent: d.userAgent,
    })
    .from(d)
    .leftJoin(webhookTimings, eq(webhookTimings.deliveryId, d.id))
    .where(and(eq(d.channelId, params.channelId), eq(d.id, params.id)));
  if (!row) return undefined;
  const stored = await db
    .select({ id: events.id, type: events.type, timestamp: events.timestamp, webhookEventId: events.webhookEventId })
    .from(events)
    .where(eq(events.deliveryId, row.id))
    .orderBy(events.timestamp, events.id);
  return { ...row, storedEvents: stored };
}

async function bumpEventCounts(tx: Db, inserted: Array<{ channelId: number; type: string; timestamp: Date }>) {
  if (inserted.length === 0) return;
  const counts = new Map<string, { channelId: number; hour: Date; type: string; count: number }>();
  for (const e of inserted) {
    const hour = new Date(Math.floor(e.timestamp.getTime() / 3_600_000) * 3_600_000);
    const key = `${e.channelId}|${hour.getTime()}|${e.type}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { channelId: e.channelId, hour, type: e.type, count: 1 });
  }
  const shard = Math.floor(Math.random() * 16);
  await tx
    .insert(eventCounts)
    .values([...counts.values()].map((c) => ({ ...c, shard })))
    .onConflictDoUpdate({
      target: [eventCounts.channelId, eventCounts.hour, eventCounts.type, eventCounts.shard],
      set: { count: sql`${eventCounts.count} + excluded.count` },
    });
}

// Within one batch the same event can come twice (an original and its redelivery racing); the first wins.
function uniqueEventRows(deliveries: DeliveryRecord[]) {
  const seen = new Set<string>();
  const rows = [];
  for (const d of deliveries) {
    for (const e of d.events) {
      const key = `${d.channelId}\u0000${e.dedupeKey}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...e, channelId: d.channelId, deliveryId: d.id, receivedAt: d.receivedAt });
    }
  }
  return rows;
}
