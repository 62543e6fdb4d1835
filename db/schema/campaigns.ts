import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Campaigns: what a marketer plans and measures. A campaign is one or more sends — a single send
// (scheduled or not), each occurrence of a recurring schedule, or the variants of an A/B test and its
// winner — measured together. Its pushes and multicasts carry one LINE custom aggregation unit (LINE
// allows about a thousand a month, so one per campaign, never one per request); broadcasts and
// narrowcasts are measured per request.

export const CAMPAIGN_KINDS = ["single", "recurring", "ab_test"] as const;

export const campaigns = pgTable(
  "campaigns",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: CAMPAIGN_KINDS }).notNull(),
    /**
     * LINE's custom aggregation unit (`[a-zA-Z0-9_]{1,30}`) its pushes and multicasts are tagged with;
     * null when it has none (no push or multicast yet, or the month's budget of units was spent).
     */
    aggregationUnit: text("aggregation_unit"),
    /** The month (UTC+9, `yyyyMM`) the unit was taken from LINE's budget. */
    unitMonth: text("unit_month"),
    /**
     * An A/B test: `{ variants: [{ label, share }], holdout, decideAt, audience, winner?, decidedAt? }`
     * (lib/campaigns owns its schema). Null for the other kinds.
     */
    abTest: jsonb("ab_test"),
    authorKind: text("author_kind", { enum: ["user", "apiKey"] }).notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** An A/B test: when the winner is due to be picked (its job's queue). */
    decideAt: timestamp("decide_at", { withTimezone: true }),
    decideLockedUntil: timestamp("decide_locked_until", { withTimezone: true }),
  },
  (t) => [
    index("campaigns_channel_created_idx").on(t.channelId, t.createdAt, t.id),
    uniqueIndex("campaigns_unit_idx")
      .on(t.channelId, t.aggregationUnit)
      .where(sql`aggregation_unit is not null`),
    index("campaigns_decide_idx")
      .on(t.decideAt)
      .where(sql`decide_at is not null`),
  ],
);

export const SCHEDULE_KINDS = ["push", "multicast", "broadcast", "narrowcast"] as const;
export const SCHEDULE_REPEATS = ["none", "daily", "weekly", "monthly"] as const;
/**
 * scheduled: waits for `run_at` · needs_confirmation: started too late (more than the grace), a person
 * decides · started: a one-off send went out (`last_send_id`) · cancelled · failed: checked again at its
 * time and refused (`error`) · finished: a recurring schedule past its end.
 */
export const SCHEDULE_STATUSES = ["scheduled", "needs_confirmation", "started", "cancelled", "failed", "finished"] as const;

export const schedules = pgTable(
  "schedules",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    campaignId: text("campaign_id").notNull(),
    kind: text("kind", { enum: SCHEDULE_KINDS }).notNull(),
    title: text("title").notNull().default(""),
    /** The body as POST /api/messages/<kind> takes it; null when each start reads `draft_id`. */
    request: jsonb("request"),
    /** A recurring send from a saved draft: the draft as it is at each start. */
    draftId: text("draft_id"),
    /** The next start. */
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    /** The operator's IANA time zone: a recurrence keeps its wall-clock time there. */
    timeZone: text("time_zone").notNull(),
    repeat: text("repeat", { enum: SCHEDULE_REPEATS }).notNull().default("none"),
    repeatUntil: timestamp("repeat_until", { withTimezone: true }),
    /**
     * The occurrence a recurrence counts from (the time the operator chose): each next start keeps its
     * wall-clock time in `time_zone`, and a monthly one its day (the 31st falls on a shorter month's
     * last day and comes back in the next long month), which `run_at` alone cannot remember.
     */
    anchorAt: timestamp("anchor_at", { withTimezone: true }),
    status: text("status", { enum: SCHEDULE_STATUSES }).notNull().default("scheduled"),
    /** The lease of the instance starting it (FOR UPDATE SKIP LOCKED, then this). */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    runCount: integer("run_count").notNull().default(0),
    lastSendId: text("last_send_id"),
    lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
    /** How late the last start was (ms after `run_at`); a start later than a second is shown as late. */
    lastLateMs: integer("last_late_ms"),
    error: jsonb("error"),
    /** Bumped by every edit: an edit names the version it changed, and loses to a newer one (409). */
    version: integer("version").notNull().default(1),
    authorKind: text("author_kind", { enum: ["user", "apiKey"] }).notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The scheduler's queue: what is due, soonest first.
    index("schedules_due_idx")
      .on(t.runAt)
      .where(sql`status = 'scheduled'`),
    index("schedules_channel_run_idx").on(t.channelId, t.runAt, t.id),
    index("schedules_campaign_idx").on(t.campaignId),
  ],
);

/**
 * LINE's statistics of a send, as last fetched. `subject` is `request:<LINE request id>` (broadcast,
 * narrowcast: per request) or `unit:<aggregation unit>` (push, multicast: per campaign). They are
 * fetched again on a schedule while LINE keeps them (14 days after the send).
 */
export const sendStatistics = pgTable(
  "send_statistics",
  {
    channelId: integer("channel_id").notNull(),
    subject: text("subject").notNull(),
    campaignId: text("campaign_id"),
    sendId: text("send_id"),
    /** LINE's answer as it came (overview, messages, clicks); null until first fetched. */
    body: jsonb("body"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    /** The first day (UTC+9) a unit's statistics are read from. */
    since: timestamp("since", { withTimezone: true }).notNull(),
    /** After this LINE no longer has them: no more fetching. */
    keepUntil: timestamp("keep_until", { withTimezone: true }).notNull(),
    nextFetchAt: timestamp("next_fetch_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    error: jsonb("error"),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.subject] }),
    index("send_statistics_due_idx")
      .on(t.nextFetchAt)
      .where(sql`next_fetch_at is not null`),
    index("send_statistics_campaign_idx").on(t.campaignId),
    index("send_statistics_send_idx").on(t.sendId),
  ],
);
