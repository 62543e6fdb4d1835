import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { events, webhookDeliveries, webhookTimings } from "../schema/webhook";

/** One event's columns as the intake stores them (lib/events/types/columns.ts reads them off LINE's JSON). */
export interface EventRow {
  dedupeKey: string;
  webhookEventId: string | null;
  type: string;
  messageType: string | null;
  messageId: string | null;
  sourceType: string | null;
  userId: string | null;
  groupId: string | null;
  roomId: string | null;
  timestamp: Date;
  isRedelivery: boolean;
  mode: string | null;
  replyToken: string | null;
  text: string | null;
  searchText: string | null;
  searchGrams: number[] | null;
  /** The event exactly as LINE sent it. */
  payload: Record<string, unknown>;
}

/** The NOTIFY channel oa_store_deliveries announces new deliveries and events on. */
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
  /** LINE's x-line-signature, for an accepted delivery (relay forwards it with LINE's bytes). */
  lineSignature?: string | null;
  events: EventRow[];
}

/**
 * Write deliveries and their events atomically in one statement: the batch travels as one JSON
 * parameter to oa_store_deliveries (db/migrations/0001), which inserts the deliveries and the events
 * not already stored, bumps the hourly counts and NOTIFYs listeners with the new events' id range.
 * One call instead of six round trips, and a plan cached per connection: on PGlite every statement
 * holds the one connection, and the next batch waits for it.
 */
export async function storeDeliveries(db: Db, params: { deliveries: DeliveryRecord[] }) {
  const { deliveries } = params;
  if (deliveries.length === 0) return { inserted: 0 };
  const input = validJson(
    {
      deliveries: deliveries.map((d) => ({
        id: d.id,
        channel_id: d.channelId,
        received_at: d.receivedAt.toISOString(),
        status_code: d.statusCode,
        signature: d.signature,
        reason: d.reason,
        reason_detail: d.reasonDetail,
        destination: d.destination,
        event_count: d.events.length,
        is_verify: d.isVerify,
        body: d.body,
        body_bytes: d.bodyBytes,
        body_truncated: d.bodyTruncated,
        user_agent: d.userAgent,
        line_signature: d.lineSignature ?? null,
      })),
      events: uniqueEventRows(deliveries),
    },
    validText,
  );
  // A random counter shard per batch: concurrent writers rarely wait on the same event_counts row.
  const shard = Math.floor(Math.random() * 16);
  const result = await db.execute<{ inserted: number }>(sql`select oa_store_deliveries(${input}::json, ${shard}) as inserted`);
  const rows = (result as unknown as { rows: Array<{ inserted: number }> }).rows;
  return { inserted: Number(rows[0]?.inserted ?? 0) };
}

export interface TimingRecord {
  deliveryId: string;
  channelId: number;
  receivedAt: Date;
  statusCode: number;
  latencyMs: number;
}

/**
 * One row per answered delivery, in batches of up to a few hundred. The batch travels as one JSON
 * parameter: as five parameters a row, drizzle spent about 4 ms of the web server's thread building
 * each 200-row statement, and the database as long parsing it.
 */
export async function recordTimings(db: Db, params: { timings: TimingRecord[] }) {
  if (params.timings.length === 0) return;
  const rows = JSON.stringify(params.timings.map((t) => [t.deliveryId, t.channelId, t.receivedAt.toISOString(), t.statusCode, t.latencyMs]));
  await db.execute(sql`
    insert into ${webhookTimings} (delivery_id, channel_id, received_at, status_code, latency_ms)
    select r->>0, (r->>1)::int, (r->>2)::timestamptz, (r->>3)::smallint, (r->>4)::int
    from json_array_elements(${rows}::json) as r
    on conflict do nothing`);
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

/**
 * Keep only the newest `keep` timing rows of refused requests of a channel: the same rows as the refused
 * deliveries pruneRejectedDeliveries keeps (timings are written a moment later, so pruning them with
 * the deliveries would miss those still on their way).
 */
export async function pruneRejectedTimings(db: Db, params: { channelId: number; keep: number }) {
  await db.execute(sql`
    delete from ${webhookTimings}
    where channel_id = ${params.channelId} and status_code >= 300
      and (received_at, delivery_id) < (
        select received_at, delivery_id from ${webhookTimings}
        where channel_id = ${params.channelId} and status_code >= 300
        order by received_at desc, delivery_id desc
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

// A delivery as listed: the status LINE was finally given (webhook_timings) over the one intended.
const deliveryColumns = {
  id: webhookDeliveries.id,
  receivedAt: webhookDeliveries.receivedAt,
  statusCode: sql<number>`coalesce(${webhookTimings.statusCode}, ${webhookDeliveries.statusCode})`.mapWith(Number),
  latencyMs: webhookTimings.latencyMs,
  signature: webhookDeliveries.signature,
  reason: webhookDeliveries.reason,
  reasonDetail: webhookDeliveries.reasonDetail,
  destination: webhookDeliveries.destination,
  eventCount: webhookDeliveries.eventCount,
  isVerify: webhookDeliveries.isVerify,
  bodyBytes: webhookDeliveries.bodyBytes,
  userAgent: webhookDeliveries.userAgent,
};

/** Newest first, keyset-paginated; the body is left out (it can be 1 MiB). */
export async function listDeliveries(db: Db, params: ListDeliveriesParams) {
  const d = webhookDeliveries;
  const conditions = [eq(d.channelId, params.channelId)];
  if (params.rejected === true) conditions.push(gte(d.statusCode, 300));
  if (params.rejected === false) conditions.push(lt(d.statusCode, 300));
  if (params.verify !== undefined) conditions.push(eq(d.isVerify, params.verify));
  if (params.cursor) {
    conditions.push(sql`(${d.receivedAt}, ${d.id}) < (${params.cursor.receivedAt.toISOString()}::timestamptz, ${params.cursor.id})`);
  }
  return db
    .select(deliveryColumns)
    .from(d)
    .leftJoin(webhookTimings, eq(webhookTimings.deliveryId, d.id))
    .where(and(...conditions))
    .orderBy(desc(d.receivedAt), desc(d.id))
    .limit(params.limit);
}

export async function getDelivery(db: Db, params: { channelId: number; id: string }) {
  const d = webhookDeliveries;
  const [row] = await db
    .select({ ...deliveryColumns, body: d.body, bodyTruncated: d.bodyTruncated, bodyPurgedAt: d.bodyPurgedAt })
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

// Within one batch the same event can come twice (an original and its redelivery racing); the first wins.
function uniqueEventRows(deliveries: DeliveryRecord[]) {
  const seen = new Set<string>();
  const rows = [];
  for (const d of deliveries) {
    for (const e of d.events) {
      const key = `${d.channelId}\u0000${e.dedupeKey}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        channel_id: d.channelId,
        delivery_id: d.id,
        dedupe_key: e.dedupeKey,
        webhook_event_id: e.webhookEventId,
        type: e.type,
        message_type: e.messageType,
        message_id: e.messageId,
        source_type: e.sourceType,
        user_id: e.userId,
        group_id: e.groupId,
        room_id: e.roomId,
        timestamp: e.timestamp.toISOString(),
        received_at: d.receivedAt.toISOString(),
        is_redelivery: e.isRedelivery,
        mode: e.mode,
        reply_token: e.replyToken,
        text: e.text,
        search_text: e.searchText,
        search_grams: e.searchGrams,
        // As JSON text, cast to json in SQL: json keeps a \u0000 escape as written, but
        // json_to_recordset cannot pass one through a json-typed field.
        payload: validJson(e.payload, wellFormed),
      });
    }
  }
  return rows;
}

// PostgreSQL text holds neither U+0000 nor lone surrogates; the raw payload keeps what it can (see above).
function validText(_key: string, value: unknown) {
  return typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD").toWellFormed() : value;
}

function wellFormed(_key: string, value: unknown) {
  return typeof value === "string" ? value.toWellFormed() : value;
}

// JSON.stringify with a replacer visits every value in JavaScript, several times slower than without
// one, and nearly every batch has nothing to replace. Both characters the replacers deal with come out
// of a plain stringify as escapes (\u0000; \udXXX for a lone surrogate, never for a pair), so a plain
// stringify without either escape is already right; anything else (rarely, or text that spells out such
// an escape) takes the replacer.
function validJson(value: unknown, replacer: (key: string, value: unknown) => unknown): string {
  const plain = JSON.stringify(value);
  return SUSPECT_ESCAPE.test(plain) ? JSON.stringify(value, replacer) : plain;
}
const SUSPECT_ESCAPE = /\\u(?:0000|d[89a-f])/i;
