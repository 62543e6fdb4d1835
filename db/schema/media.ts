import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Images, videos, audio and files friends send, fetched once from LINE's content endpoint (LINE deletes
// them after a while) and kept here or in a directory (MEDIA_STORAGE). The bytes live in chunks of
// MEDIA_CHUNK_BYTES: PGlite runs one query at a time, so writing or streaming a 50 MB video as one value
// would hold up webhook intake; chunks also make Range requests (seeking in audio and video) cheap.

export const MEDIA_STATUSES = ["pending", "ready", "gone", "missing", "too_large", "failed", "external", "expired"] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];
export const MEDIA_VARIANTS = ["original", "preview"] as const;
export type MediaVariant = (typeof MEDIA_VARIANTS)[number];

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const media = pgTable(
  "media",
  {
    channelId: integer("channel_id").notNull(),
    messageId: text("message_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    messageType: text("message_type", { enum: ["image", "video", "audio", "file"] }).notNull(),
    userId: text("user_id"),
    chatId: text("chat_id"),
    /**
     * pending → ready, or: gone (LINE 410), missing (404), too_large (over MEDIA_MAX_BYTES), failed, external (not on LINE).
     * ready → expired: its bytes were deleted after RETAIN_MEDIA_DAYS.
     */
    status: text("status", { enum: MEDIA_STATUSES }).notNull().default("pending"),
    storage: text("storage", { enum: ["database", "directory"] }),
    contentType: text("content_type"),
    size: bigint("size", { mode: "number" }),
    previewContentType: text("preview_content_type"),
    previewSize: bigint("preview_size", { mode: "number" }),
    fileName: text("file_name"),
    error: text("error"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.messageId] }),
    index("media_channel_user_idx").on(t.channelId, t.userId),
    // Media whose bytes are kept (storage is cleared once retention deleted them), oldest first.
    index("media_kept_idx")
      .on(t.createdAt)
      .where(sql`storage is not null`),
  ],
);

export const mediaChunks = pgTable(
  "media_chunks",
  {
    channelId: integer("channel_id").notNull(),
    messageId: text("message_id").notNull(),
    variant: text("variant", { enum: MEDIA_VARIANTS }).notNull(),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.messageId, t.variant, t.seq] })],
);

export type MediaRow = typeof media.$inferSelect;
