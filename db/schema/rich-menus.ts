import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Rich menus: drafts kept here, published to LINE. LINE's menus are immutable, so a published menu that
// is edited gets a new LINE menu at its next publish (the alias, the default and the linked friends move
// to it, the old one is deleted). `version` counts edits (optimistic concurrency like schedules);
// `published_version` is the version LINE has: a menu with edits not yet on LINE has version > it.

export const RICH_MENU_ORIGINS = ["console", "line"] as const;
export const LINK_RUN_ACTIONS = ["link", "unlink"] as const;
export const LINK_RUN_STATUSES = ["running", "done", "failed", "cancelled"] as const;
export const LINK_BATCH_STATUSES = ["pending", "done", "failed"] as const;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const richMenus = pgTable(
  "rich_menus",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    chatBarText: text("chat_bar_text").notNull(),
    selected: boolean("selected").notNull().default(false),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** `[{ bounds, action }]` as lib/rich-menus/rich-menu-schema.ts has them. */
    areas: jsonb("areas").notNull(),
    /** The image (≤ 1 MB, LINE's limit): small enough to keep in the row. */
    image: bytea("image"),
    imageType: text("image_type"),
    tabbedMenuId: text("tabbed_menu_id"),
    tabIndex: integer("tab_index"),
    aliasId: text("alias_id"),
    /** LINE's id of the published menu; null: never published. */
    lineRichMenuId: text("line_rich_menu_id"),
    publishedVersion: integer("published_version"),
    version: integer("version").notNull().default(1),
    origin: text("origin", { enum: RICH_MENU_ORIGINS }).notNull().default("console"),
    authorKind: text("author_kind", { enum: ["user", "apiKey", "system"] }).notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** Taken while one request publishes it (two publishes at once would each make a LINE menu). */
    publishingUntil: timestamp("publishing_until", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("rich_menus_channel_created_idx").on(t.channelId, t.createdAt, t.id),
    // LINE keeps aliases unique per channel; a deleted menu gives its alias back.
    uniqueIndex("rich_menus_alias_idx")
      .on(t.channelId, t.aliasId)
      .where(sql`alias_id is not null and deleted_at is null`),
    uniqueIndex("rich_menus_line_id_idx")
      .on(t.channelId, t.lineRichMenuId)
      .where(sql`line_rich_menu_id is not null and deleted_at is null`),
    index("rich_menus_tabbed_idx")
      .on(t.tabbedMenuId)
      .where(sql`tabbed_menu_id is not null`),
  ],
);

/** Menus that switch between each other (richmenuswitch to each other's aliases), edited as one. */
export const tabbedMenus = pgTable(
  "tabbed_menus",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tabbed_menus_channel_idx").on(t.channelId, t.createdAt)],
);

/** The per-user links the console made (the resolver still asks LINE: links made elsewhere exist too). */
export const richMenuLinks = pgTable(
  "rich_menu_links",
  {
    channelId: integer("channel_id").notNull(),
    userId: text("user_id").notNull(),
    richMenuId: text("rich_menu_id").notNull(),
    lineRichMenuId: text("line_rich_menu_id").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
    runId: text("run_id"),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index("rich_menu_links_menu_idx").on(t.channelId, t.richMenuId)],
);

/** A bulk link or unlink: its audience is fixed when it is created, in batches of ≤ 500 (LINE's limit). */
export const richMenuLinkRuns = pgTable(
  "rich_menu_link_runs",
  {
    id: text("id").primaryKey(),
    channelId: integer("channel_id").notNull(),
    action: text("action", { enum: LINK_RUN_ACTIONS }).notNull(),
    richMenuId: text("rich_menu_id"),
    /** `{ kind: "friends" | "segment", segmentId?, segmentName? }` */
    target: jsonb("target").notNull(),
    status: text("status", { enum: LINK_RUN_STATUSES }).notNull().default("running"),
    total: integer("total").notNull(),
    doneCount: integer("done_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    error: jsonb("error"),
    authorKind: text("author_kind", { enum: ["user", "apiKey", "system"] }).notNull(),
    authorId: text("author_id").notNull(),
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("rich_menu_link_runs_channel_idx").on(t.channelId, t.createdAt, t.id)],
);

export const richMenuLinkBatches = pgTable(
  "rich_menu_link_batches",
  {
    runId: text("run_id").notNull(),
    seq: integer("seq").notNull(),
    channelId: integer("channel_id").notNull(),
    userIds: text("user_ids").array().notNull(),
    status: text("status", { enum: LINK_BATCH_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: jsonb("last_error"),
    /** When a pending batch may be tried (backoff after a failure). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.seq] }),
    // The workers' queue: pending batches, soonest first.
    index("rich_menu_link_batches_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);
