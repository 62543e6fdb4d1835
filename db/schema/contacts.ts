import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { FRIEND_STATUSES } from "./enums";

// People and chats, derived from the event store (the friends projection) and from LINE (follower ids,
// profiles, group summaries). Nothing here is the source of truth for what happened — events are — so
// every table can be rebuilt by resetting the projection position.
//
// Composite indexes are ascending on purpose: drizzle creates `.desc()` columns as DESC NULLS LAST but
// `orderBy(desc(col))` emits plain DESC, and PostgreSQL then ignores the index (drizzle-orm issue 5978).
// A backward scan of an ascending index serves "newest first".

export { FRIEND_STATUSES, type FriendStatus } from "./enums";
export const PROFILE_STATUSES = ["pending", "ok", "not_found", "error"] as const;
/**
 * last_active_at of a friend the console knows only from the follower list (no event from them yet).
 * A real value rather than NULL keeps "most recently active first" a plain keyset scan of one index;
 * the API shows it as null.
 */
export const NEVER_ACTIVE = new Date(0);

export const friends = pgTable(
  "friends",
  {
    channelId: integer("channel_id").notNull(),
    userId: text("user_id").notNull(),
    displayName: text("display_name"),
    pictureUrl: text("picture_url"),
    statusMessage: text("status_message"),
    language: text("language"),
    /** friend: added the account; blocked: blocked it (unfollow); unknown: seen only in a group or room. */
    status: text("status", { enum: FRIEND_STATUSES }).notNull().default("unknown"),
    /** When the evidence for `status` happened: an older event or answer never overrides a newer one. */
    statusAt: timestamp("status_at", { withTimezone: true, precision: 3 }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, precision: 3 }).notNull(),
    /** NEVER_ACTIVE when nothing from them has been seen yet. */
    lastActiveAt: timestamp("last_active_at", { withTimezone: true, precision: 3 }).notNull(),
    /** Sort key for "by name": the normalised name, or U+FFFF for no name yet (sorts last). */
    nameKey: text("name_key").notNull(),
    /** Normalised display name and its bigram hashes (db/search-text.ts), for CJK and Thai search. */
    searchText: text("search_text"),
    searchGrams: integer("search_grams").array(),
    profileStatus: text("profile_status", { enum: PROFILE_STATUSES }).notNull().default("pending"),
    profileFetchedAt: timestamp("profile_fetched_at", { withTimezone: true }),
    /** The start of the last follower-id sync that listed this user (unlisted friends have blocked). */
    followerSyncAt: timestamp("follower_sync_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.userId] }),
    index("friends_channel_active_idx").on(t.channelId, t.lastActiveAt, t.userId),
    index("friends_channel_status_active_idx").on(t.channelId, t.status, t.lastActiveAt, t.userId),
    index("friends_channel_first_seen_idx").on(t.channelId, t.firstSeenAt, t.userId),
    index("friends_channel_name_idx").on(t.channelId, t.nameKey, t.userId),
    index("friends_channel_language_active_idx").on(t.channelId, t.language, t.lastActiveAt, t.userId),
    index("friends_search_grams_idx").using("gin", t.searchGrams),
    // Profiles due for a refresh, oldest first.
    index("friends_profile_due_idx")
      .on(t.channelId, t.profileFetchedAt)
      .where(sql`status <> 'blocked'`),
  ],
);

export const friendTags = pgTable(
  "friend_tags",
  {
    channelId: integer("channel_id").notNull(),
    tag: text("tag").notNull(),
    userId: text("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.tag, t.userId] }), index("friend_tags_user_idx").on(t.channelId, t.userId)],
);

/** The tag vocabulary with how many friends carry each tag (kept in step by the tagging queries). */
export const tags = pgTable(
  "tags",
  {
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    friendCount: integer("friend_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.name] })],
);

export const CHAT_TYPES = ["group", "room"] as const;

export const chats = pgTable(
  "chats",
  {
    channelId: integer("channel_id").notNull(),
    chatId: text("chat_id").notNull(),
    type: text("type", { enum: CHAT_TYPES }).notNull(),
    name: text("name"),
    pictureUrl: text("picture_url"),
    memberCount: integer("member_count"),
    /** joined: the account is in it; left: it left or was removed. */
    status: text("status", { enum: ["joined", "left"] })
      .notNull()
      .default("joined"),
    statusAt: timestamp("status_at", { withTimezone: true, precision: 3 }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, precision: 3 }).notNull(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true, precision: 3 }).notNull(),
    infoFetchedAt: timestamp("info_fetched_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.chatId] }), index("chats_channel_active_idx").on(t.channelId, t.lastActiveAt, t.chatId)],
);

/** Members the console has seen in a chat (LINE lists member ids only for verified accounts). */
export const chatMembers = pgTable(
  "chat_members",
  {
    channelId: integer("channel_id").notNull(),
    chatId: text("chat_id").notNull(),
    userId: text("user_id").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, precision: 3 }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, precision: 3 }).notNull(),
    /** Set by memberLeft; cleared when they are seen again later. */
    leftAt: timestamp("left_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.chatId, t.userId] }), index("chat_members_user_idx").on(t.channelId, t.userId)],
);

/**
 * How far a friend's one-on-one messages have been marked as read in LINE (the newest event whose
 * markAsReadToken was used; LINE marks it and everything before it). Moving it forward is how one
 * instance claims the call, so two operators opening the chat at once ask LINE once.
 */
export const readMarks = pgTable(
  "read_marks",
  {
    channelId: integer("channel_id").notNull(),
    userId: text("user_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] })],
);

/** State of recurring syncs with LINE (follower ids): shown in the UI, e.g. "not available for this account". */
export const lineSyncs = pgTable(
  "line_syncs",
  {
    channelId: integer("channel_id").notNull(),
    name: text("name").notNull(),
    /** running | ok | not_available | error */
    status: text("status").notNull(),
    details: jsonb("details")
      .notNull()
      .default(sql`'{}'::jsonb`),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.name] })],
);
