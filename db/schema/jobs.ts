import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Background work other than sending (which has its own queue, sends/send_chunks): fetching media and
// profiles, syncing followers, polling audiences, keeping friend records up to date from events. Any
// instance may run a job; a lease (locked_until) taken with FOR UPDATE SKIP LOCKED means one at a time,
// and `key` makes enqueueing idempotent (the same media is never fetched twice).
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    /** Unique per kind while the job is not done: enqueueing the same key again is a no-op. */
    key: text("key").notNull(),
    payload: jsonb("payload")
      .notNull()
      .default(sql`'{}'::jsonb`),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("jobs_kind_key_idx").on(t.kind, t.key),
    index("jobs_due_idx")
      .on(t.runAt)
      .where(sql`done_at is null and failed_at is null`),
  ],
);

/** How far a projection (e.g. friends from events) has read the event stream. */
export const projections = pgTable("projections", {
  name: text("name").primaryKey(),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
