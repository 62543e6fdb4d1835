import { boolean, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Every table that holds channel data carries channel_id, so a second LINE channel is a new row here,
// not a migration. For now the one channel is configured from the environment (slug "default").
export const channels = pgTable("channels", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  lineChannelId: text("line_channel_id"),
  botUserId: text("bot_user_id"),
  // Conversation settings (Settings → Channel). Both are off until an admin turns them on: each shows the
  // friend something (a typing indicator, "Read" under their messages) they may not expect.
  /** Show LINE's loading animation in a friend's chat while an operator is typing an answer. */
  loadingAnimation: boolean("loading_animation").notNull().default(false),
  /** Mark a friend's messages as read (their markAsReadToken) when an operator opens the conversation. */
  markAsRead: boolean("mark_as_read").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
