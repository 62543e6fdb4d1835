import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Sending. A send is stored — with every LINE request it will make and each request's retry key —
// before LINE is called. Workers on any instance then claim requests (chunks) under a lease with
// FOR UPDATE SKIP LOCKED; a crash mid-request means another worker repeats it with the same
// X-Line-Retry-Key, and LINE answers 409 instead of delivering twice.

export const SEND_KINDS = ["push", "multicast", "broadcast", "narrowcast", "reply"] as const;
export const SEND_STATUSES = ["queued", "sending", "sent", "partially_sent", "failed"] as const;
export const CHUNK_STATUSES = ["pending", "accepted", "failed"] as const;

export const sends = pgTable(
  "sends",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    kind: text("kind", { enum: SEND_KINDS }).notNull(),
    status: text("status", { enum: SEND_STATUSES }).notNull(),
    /** A test send to saved test recipients: shown as such and kept out of statistics. */
    isTest: boolean("is_test").notNull().default(false),
    /** The body as the operator composed it (messages, to / recipient / filter / limit …). */
    request: jsonb("request").notNull(),
    /** Our caller's idempotency key (POST /api/messages/* retryKey), unique per channel. */
    clientKey: text("client_key"),
    recipientCount: integer("recipient_count"),
    /**
     * A broadcast's recipients as estimated when it was sent (LINE never says how many a broadcast
     * reached until its statistics are ready): shown as "about N", never as the exact count.
     */
    estimatedRecipients: integer("estimated_recipients"),
    chunkCount: integer("chunk_count").notNull(),
    authorKind: text("author_kind", { enum: ["user", "apiKey"] }).notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    /** Where a duplicated draft or a reply came from. */
    sourceDraftId: text("source_draft_id"),
    replyToEventId: bigint("reply_to_event_id", { mode: "number" }),
    /** The campaign it is measured in (db/schema/campaigns.ts); null for replies and chat pushes. */
    campaignId: text("campaign_id"),
    /** An A/B test's variant ("A" … "D") or "winner"; null otherwise. */
    variant: text("variant"),
    /** The schedule that started it. */
    scheduleId: text("schedule_id"),
    /** The LINE custom aggregation unit its requests carried. */
    aggregationUnit: text("aggregation_unit"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    error: jsonb("error"),
    // Narrowcast: LINE works on it after accepting (202); its progress is polled until final.
    progress: jsonb("progress"),
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
    pollLockedUntil: timestamp("poll_locked_until", { withTimezone: true }),
  },
  (t) => [
    index("sends_channel_created_idx").on(t.channelId, t.createdAt, t.id),
    index("sends_channel_kind_created_idx").on(t.channelId, t.kind, t.createdAt, t.id),
    index("sends_channel_status_created_idx").on(t.channelId, t.status, t.createdAt, t.id),
    index("sends_channel_author_created_idx").on(t.channelId, t.authorId, t.createdAt, t.id),
    index("sends_campaign_idx")
      .on(t.campaignId, t.createdAt)
      .where(sql`campaign_id is not null`),
    uniqueIndex("sends_client_key_idx")
      .on(t.channelId, t.clientKey)
      .where(sql`client_key is not null`),
    index("sends_poll_idx")
      .on(t.nextPollAt)
      .where(sql`next_poll_at is not null`),
    // A reply token works once: one reply send per event, even if two operators click at once.
    uniqueIndex("sends_reply_to_event_idx")
      .on(t.channelId, t.replyToEventId)
      .where(sql`reply_to_event_id is not null`),
    // A friend's conversation: pushes to one user, group or room.
    index("sends_push_to_idx")
      .on(t.channelId, sql`(request->>'to')`, t.createdAt, t.id)
      .where(sql`kind = 'push'`),
  ],
);

export const sendChunks = pgTable(
  "send_chunks",
  {
    id: text("id").primaryKey(),
    sendId: text("send_id")
      .notNull()
      .references(() => sends.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** Multicast: the user ids of this request (≤ 500). Push/broadcast/narrowcast: null. */
    recipients: text("recipients").array(),
    retryKey: text("retry_key").notNull(),
    status: text("status", { enum: CHUNK_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    lineRequestId: text("line_request_id"),
    acceptedRequestId: text("accepted_request_id"),
    /** LINE's sentMessages (push/reply: message ids and quote tokens). */
    sentMessages: jsonb("sent_messages"),
    lastError: jsonb("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("send_chunks_send_idx").on(t.sendId, t.seq),
    // The work queue: what is due, oldest first.
    index("send_chunks_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // A friend's conversation: the multicast requests that named them.
    index("send_chunks_recipients_idx").using("gin", t.recipients),
  ],
);

export const sendAttempts = pgTable(
  "send_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sendId: text("send_id")
      .notNull()
      .references(() => sends.id, { onDelete: "cascade" }),
    chunkId: text("chunk_id").notNull(),
    attempt: integer("attempt").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    httpStatus: smallint("http_status"),
    lineRequestId: text("line_request_id"),
    acceptedRequestId: text("accepted_request_id"),
    /** accepted | duplicate (409) | retry | wait (rate limited) | failed */
    outcome: text("outcome").notNull(),
    error: jsonb("error"),
    worker: text("worker"),
  },
  (t) => [index("send_attempts_send_idx").on(t.sendId, t.id)],
);

export const drafts = pgTable(
  "drafts",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    kind: text("kind", { enum: SEND_KINDS }).notNull(),
    title: text("title").notNull().default(""),
    body: jsonb("body").notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    /**
     * The member's one working draft: what the composer saves on its own as they type. Each member has
     * at most one (a new composition replaces it); naming a draft or pressing "Save draft" keeps it.
     */
    working: boolean("working").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("drafts_channel_updated_idx").on(t.channelId, t.updatedAt),
    uniqueIndex("drafts_working_idx")
      .on(t.channelId, t.authorId)
      .where(sql`working`),
  ],
);

export const testRecipients = pgTable("test_recipients", {
  id: text("id").primaryKey(),
  channelId: integer("channel_id").notNull(),
  userId: text("user_id").notNull(),
  label: text("label").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Requests made to LINE per endpoint class and window, shared by every instance: a worker reserves
 * capacity here before calling LINE, so N instances together still keep to LINE's rate limits.
 */
export const rateWindows = pgTable(
  "rate_windows",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    used: integer("used").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export type SendRow = typeof sends.$inferSelect;
export type ChunkRow = typeof sendChunks.$inferSelect;
