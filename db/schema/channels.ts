import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { CHANNEL_ROLES, TOKEN_SOURCES } from "./enums";
import { user } from "./auth";

// Every table that holds channel data carries channel_id: a LINE Official Account is a row here. The
// channel configured by environment variables is the first (slug "default", credentials read from the
// environment, never stored); channels added in Settings → Channels keep their secret and token sealed
// (lib/platform/secret-box.ts), so a copy of the database alone cannot speak for any bot.
export const channels = pgTable("channels", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  /** The channel's key in URLs: /channels/<slug>/… and its webhook /api/line/webhook/<slug>. */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  lineChannelId: text("line_channel_id"),
  botUserId: text("bot_user_id"),
  /** The bot as LINE describes it, read when the channel is saved (and refreshed on the settings page). */
  basicId: text("basic_id"),
  pictureUrl: text("picture_url"),
  /** environment: LINE_CHANNEL_* variables; given: a long-lived token an admin pasted; issued: by LINE's token API from id and secret. */
  tokenSource: text("token_source", { enum: TOKEN_SOURCES }).notNull().default("environment"),
  secretSealed: text("secret_sealed"),
  accessTokenSealed: text("access_token_sealed"),
  /** An issued token's end; the console issues the next one before it (lib/channel/tokens.ts). */
  tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
  /** Archived: intake and sending stop, the data stays. */
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  // Conversation settings (Settings → Channel). Both are off until an admin turns them on: each shows the
  // friend something (a typing indicator, "Read" under their messages) they may not expect.
  /** Show LINE's loading animation in a friend's chat while an operator is typing an answer. */
  loadingAnimation: boolean("loading_animation").notNull().default(false),
  /** Mark a friend's messages as read (their markAsReadToken) when an operator opens the conversation. */
  markAsRead: boolean("mark_as_read").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A member's role on one channel (none: no row). Console admins (user.role = admin) are admins of every
 * channel and need no rows here.
 */
export const channelMembers = pgTable(
  "channel_members",
  {
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role", { enum: CHANNEL_ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index("channel_members_user_idx").on(t.userId)],
);
