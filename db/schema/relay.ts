import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { channels } from "./channels";

// Relay: the team's own bots ("destinations") behind the console. The intake's one write
// (oa_store_deliveries, migration 0011) queues an item per destination for each delivery's new events in
// the same transaction as the events, so nothing stored is ever not forwarded; forwarders on any number
// of instances claim items under a lease.

export const RELAY_SIGNING = ["line", "own"] as const;

export const relayDestinations = pgTable(
  "relay_destinations",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id),
    name: text("name").notNull(),
    url: text("url").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    // "line": LINE's own bytes and signature (the bot holds the channel secret); "own": re-signed with `secret`.
    signing: text("signing", { enum: RELAY_SIGNING }).notNull().default("line"),
    // The destination's own secret, encrypted with a key derived from BETTER_AUTH_SECRET; never sent back.
    secretCiphertext: text("secret_ciphertext"),
    // Filters; null is "any".
    eventTypes: text("event_types").array(),
    sourceTypes: text("source_types").array(),
    modes: text("modes").array(),
    // Replays skip events this destination already answered 2xx for.
    unseenOnly: boolean("unseen_only").notNull().default(false),
    timeoutMs: integer("timeout_ms").notNull().default(10_000),
    // The circuit breaker, shared by every instance: failures in a row, and until when nobody forwards.
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    breakerOpenUntil: timestamp("breaker_open_until", { withTimezone: true, precision: 3 }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("relay_destinations_channel_name_idx").on(t.channelId, t.name)],
);

export const relayReplays = pgTable("relay_replays", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  channelId: integer("channel_id").notNull(),
  // A destination, or a one-off URL (checked by the same rules) signed with `secretCiphertext` or the channel secret.
  destinationId: integer("destination_id"),
  url: text("url"),
  secretCiphertext: text("secret_ciphertext"),
  scope: text("scope", { enum: ["event", "delivery", "filter"] }).notNull(),
  filter: jsonb("filter"),
  total: integer("total").notNull(),
  perSecond: integer("per_second").notNull(),
  state: text("state", { enum: ["running", "cancelled", "finished"] })
    .notNull()
    .default("running"),
  createdBy: text("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
});

export const RELAY_ITEM_STATES = ["pending", "succeeded", "refused", "expired", "cancelled"] as const;

// One delivery (or one replayed event or delivery) on its way to one destination.
export const relayItems = pgTable(
  "relay_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    channelId: integer("channel_id").notNull(),
    destinationId: integer("destination_id"),
    replayId: integer("replay_id"),
    deliveryId: text("delivery_id").notNull(),
    // The events forwarded, in LINE's order. `whole`: all of the delivery's events (LINE's bytes can go as they are).
    eventIds: bigint("event_ids", { mode: "number" }).array().notNull(),
    whole: boolean("whole").notNull(),
    // Items of one key go one at a time, in id order: a chat's events reach the bot in LINE's order.
    orderKey: text("order_key").notNull(),
    state: text("state", { enum: RELAY_ITEM_STATES }).notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }),
    leasedBy: text("leased_by"),
    // When LINE's delivery reached the console: forward latency is measured from here.
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, precision: 3 }),
    lastStatus: smallint("last_status"),
    lastError: text("last_error"),
    // Receipt to the bot's 2xx answer, for the item that succeeded.
    forwardMs: integer("forward_ms"),
  },
  (t) => [
    // The forwarder's claim: the oldest due items per destination, and "nothing older of this key is pending".
    index("relay_items_pending_idx")
      .on(t.destinationId, t.orderKey, t.id)
      .where(sql`state = 'pending'`),
    // The same in id order: the claim walks a destination's queue oldest first and stops at its limit,
    // however long the backlog (a bot that was down comes back to thousands).
    index("relay_items_queue_idx")
      .on(t.destinationId, t.id)
      .where(sql`state = 'pending'`),
    index("relay_items_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`state = 'pending'`),
    index("relay_items_destination_idx").on(t.destinationId, t.id),
    index("relay_items_delivery_idx").on(t.deliveryId),
    index("relay_items_replay_idx")
      .on(t.replayId, t.id)
      .where(sql`replay_id is not null`),
    index("relay_items_finished_idx")
      .on(t.finishedAt)
      .where(sql`finished_at is not null`),
  ],
);

export const relayAttempts = pgTable(
  "relay_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: bigint("item_id", { mode: "number" }).notNull(),
    attempt: smallint("attempt").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    statusCode: smallint("status_code"),
    // The first 2 KB of the bot's answer.
    responseHead: text("response_head"),
    error: text("error"),
    // Sent after the events' reply tokens had expired: the bot could no longer reply to them.
    afterReplyDeadline: boolean("after_reply_deadline").notNull().default(false),
  },
  (t) => [
    index("relay_attempts_item_idx").on(t.itemId, t.attempt),
    // The overview's failed attempts of the last hour, without reading the successful ones.
    index("relay_attempts_failed_idx")
      .on(t.startedAt)
      .where(sql`status_code is null or status_code >= 300`),
  ],
);
