import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Every table that holds channel data carries channel_id, so a second LINE channel is a new row here,
// not a migration. For now the one channel is configured from the environment (slug "default").
export const channels = pgTable("channels", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  lineChannelId: text("line_channel_id"),
  botUserId: text("bot_user_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
