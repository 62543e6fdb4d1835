import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Saved segments: a named filter over friends (tags, status, language, last active, first seen),
// resolved to user ids whenever it is used, so it always means "who matches now".
export const segments = pgTable(
  "segments",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    /** The filter (lib/segments/segment-schema.ts). */
    filter: jsonb("filter").notNull(),
    /** The size last computed, shown in lists without counting every segment on every view. */
    size: integer("size"),
    sizeAt: timestamp("size_at", { withTimezone: true }),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("segments_channel_updated_idx").on(t.channelId, t.updatedAt)],
);

export const AUDIENCE_STATUSES = ["uploading", "in_progress", "ready", "failed", "expired", "inactive", "activating", "error"] as const;
export type AudienceStatus = (typeof AUDIENCE_STATUSES)[number];

/** A segment uploaded to LINE as an audience (for narrowcast), followed until LINE says it is ready. */
export const audiences = pgTable(
  "audiences",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    segmentId: text("segment_id").references(() => segments.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    /** LINE's id, once the first upload request was accepted. */
    audienceGroupId: bigint("audience_group_id", { mode: "number" }),
    status: text("status", { enum: AUDIENCE_STATUSES }).notNull(),
    /** User ids sent to LINE so far, and how many LINE counts (it drops ids it does not know). */
    uploadedCount: integer("uploaded_count").notNull().default(0),
    audienceCount: integer("audience_count"),
    error: text("error"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audiences_segment_idx").on(t.segmentId, t.createdAt), index("audiences_channel_created_idx").on(t.channelId, t.createdAt)],
);

export type SegmentRow = typeof segments.$inferSelect;
export type AudienceRow = typeof audiences.$inferSelect;
