import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, json, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// The intake tables carry channel_id but no foreign keys: their only writer is the function
// oa_store_deliveries (migration 0001), which writes deliveries, events and counts together in one
// statement, and the FK triggers cost about a tenth of intake throughput on PGlite.
//
// Indexes on (…, timestamp, id) are declared ascending on purpose: drizzle creates `.desc()` index columns
// as DESC NULLS LAST while `orderBy(desc(col))` emits plain DESC (NULLS FIRST), and PostgreSQL then
// ignores the index (drizzle-orm issue 5978). A backward scan of an ascending index serves DESC, DESC.

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    // ULID made by the app, so a batch of deliveries and their events go in without a round trip.
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull(),
    // The status the handler meant to answer; webhook_timings has the one LINE actually got.
    statusCode: smallint("status_code").notNull(),
    signature: text("signature", { enum: ["valid", "invalid", "missing", "unchecked"] }).notNull(),
    // Why a delivery was refused: a stable code the UI translates, and the detail as it was found.
    reason: text("reason", {
      enum: ["missing_signature", "invalid_signature", "secret_not_configured", "body_too_large", "invalid_json", "invalid_body"],
    }),
    reasonDetail: text("reason_detail"),
    destination: text("destination"),
    eventCount: integer("event_count").notNull().default(0),
    isVerify: boolean("is_verify").notNull().default(false),
    body: text("body").notNull(),
    bodyBytes: integer("body_bytes").notNull(),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    userAgent: text("user_agent"),
    // LINE's x-line-signature of an accepted delivery: relay forwards LINE's bytes with it, as LINE sent them.
    lineSignature: text("line_signature"),
    // When retention (RETAIN_DELIVERY_BODIES_DAYS) emptied `body`: the events keep their own JSON.
    bodyPurgedAt: timestamp("body_purged_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index("webhook_deliveries_channel_received_idx").on(t.channelId, t.receivedAt, t.id),
    // Rejected deliveries are kept bounded (newest 1,000); this index finds the ones to drop.
    index("webhook_deliveries_rejected_idx")
      .on(t.channelId, t.receivedAt, t.id)
      .where(sql`status_code >= 300`),
    // The accepted deliveries whose body is still kept, oldest first: what retention empties next. A row
    // leaves the index when its body goes, so a purge never scans the bodies it emptied before.
    index("webhook_deliveries_body_kept_idx")
      .on(t.channelId, t.receivedAt, t.id)
      .where(sql`status_code < 300 and body_purged_at is null`),
  ],
);

export const events = pgTable(
  "events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer("channel_id").notNull(),
    deliveryId: text("delivery_id").notNull(),
    // webhookEventId when LINE sent one, otherwise "sha256:" + a hash of the event's content.
    dedupeKey: text("dedupe_key").notNull(),
    webhookEventId: text("webhook_event_id"),
    type: text("type").notNull(),
    messageType: text("message_type"),
    messageId: text("message_id"),
    sourceType: text("source_type"),
    userId: text("user_id"),
    groupId: text("group_id"),
    roomId: text("room_id"),
    timestamp: timestamp("timestamp", { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull(),
    isRedelivery: boolean("is_redelivery").notNull().default(false),
    mode: text("mode"),
    replyToken: text("reply_token"),
    text: text("text"),
    // Normalised text (NFKC, lower case) and the hashes of its character bigrams: a GIN index over
    // the hashes narrows a search in any script (Chinese, Japanese and Thai have no spaces to split on),
    // then LIKE over search_text confirms each candidate.
    searchText: text("search_text"),
    searchGrams: integer("search_grams").array(),
    payload: json("payload").notNull(),
  },
  (t) => [
    uniqueIndex("events_channel_dedupe_key_idx").on(t.channelId, t.dedupeKey),
    index("events_channel_ts_idx").on(t.channelId, t.timestamp, t.id),
    index("events_channel_type_ts_idx").on(t.channelId, t.type, t.timestamp, t.id),
    index("events_channel_message_type_ts_idx")
      .on(t.channelId, t.messageType, t.timestamp, t.id)
      .where(sql`message_type is not null`),
    index("events_channel_source_type_ts_idx").on(t.channelId, t.sourceType, t.timestamp, t.id),
    index("events_channel_user_ts_idx")
      .on(t.channelId, t.userId, t.timestamp, t.id)
      .where(sql`user_id is not null`),
    index("events_channel_group_ts_idx")
      .on(t.channelId, t.groupId, t.timestamp, t.id)
      .where(sql`group_id is not null`),
    index("events_channel_room_ts_idx")
      .on(t.channelId, t.roomId, t.timestamp, t.id)
      .where(sql`room_id is not null`),
    index("events_channel_redelivery_ts_idx")
      .on(t.channelId, t.timestamp, t.id)
      .where(sql`is_redelivery`),
    index("events_delivery_idx").on(t.deliveryId),
    index("events_search_grams_idx").using("gin", t.searchGrams),
  ],
);

// How long the handler took and what LINE was finally told, one narrow row per request. Written after
// the response (batched), so measuring never slows the acknowledgement, and kept apart from the wide
// delivery rows so health statistics read little. Rows of refused requests are kept bounded like the
// refused deliveries they describe (newest 1,000): anyone can POST unsigned requests.
export const webhookTimings = pgTable(
  "webhook_timings",
  {
    deliveryId: text("delivery_id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull(),
    statusCode: smallint("status_code").notNull(),
    latencyMs: integer("latency_ms").notNull(),
  },
  (t) => [
    index("webhook_timings_channel_received_idx").on(t.channelId, t.receivedAt),
    // Finds the refused requests' rows to drop (pruneRejectedTimings).
    index("webhook_timings_rejected_idx")
      .on(t.channelId, t.receivedAt, t.deliveryId)
      .where(sql`status_code >= 300`),
  ],
);

// Events per hour and type, kept up to date in the same transaction as the events themselves, so the
// overview never counts a million rows. `shard` is random per transaction: concurrent writers (several
// PostgreSQL connections or instances) rarely wait on the same counter row.
export const eventCounts = pgTable(
  "event_counts",
  {
    channelId: integer("channel_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    type: text("type").notNull(),
    shard: smallint("shard").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.hour, t.type, t.shard] })],
);
