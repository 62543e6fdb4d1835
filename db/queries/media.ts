import { and, asc, between, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { media, mediaChunks, type MediaStatus, type MediaVariant } from "../schema/media";

export async function getMedia(db: Db, params: { channelId: number; messageId: string }) {
  const [row] = await db
    .select()
    .from(media)
    .where(and(eq(media.channelId, params.channelId), eq(media.messageId, params.messageId)));
  return row;
}

/** Status of the media of these messages (a page of the timeline or a conversation). */
export async function mediaOfMessages(db: Db, params: { channelId: number; messageIds: string[] }) {
  if (params.messageIds.length === 0) return [];
  return db
    .select({
      messageId: media.messageId,
      status: media.status,
      contentType: media.contentType,
      size: media.size,
      hasPreview: sql<boolean>`${media.previewSize} is not null`,
    })
    .from(media)
    .where(and(eq(media.channelId, params.channelId), inArray(media.messageId, params.messageIds)));
}

/** Store one chunk of a variant (a repeat of the same fetch writes the same bytes again). */
export async function writeMediaChunk(db: Db, params: { channelId: number; messageId: string; variant: MediaVariant; seq: number; bytes: Uint8Array }) {
  await db
    .insert(mediaChunks)
    .values(params)
    .onConflictDoUpdate({ target: [mediaChunks.channelId, mediaChunks.messageId, mediaChunks.variant, mediaChunks.seq], set: { bytes: params.bytes } });
}

/** Drop a variant's chunks from `fromSeq` on (a cancelled, oversized download). */
export async function deleteMediaChunks(db: Db, params: { channelId: number; messageId: string; variant?: MediaVariant; fromSeq?: number }) {
  const c = [eq(mediaChunks.channelId, params.channelId), eq(mediaChunks.messageId, params.messageId)];
  if (params.variant) c.push(eq(mediaChunks.variant, params.variant));
  if (params.fromSeq !== undefined) c.push(gte(mediaChunks.seq, params.fromSeq));
  await db.delete(mediaChunks).where(and(...c));
}

/** Chunks `fromSeq`..`toSeq` of a variant, in order (one Range request reads only these). */
export async function readMediaChunks(db: Db, params: { channelId: number; messageId: string; variant: MediaVariant; fromSeq: number; toSeq: number }) {
  const rows = await db
    .select({ seq: mediaChunks.seq, bytes: mediaChunks.bytes })
    .from(mediaChunks)
    .where(
      and(
        eq(mediaChunks.channelId, params.channelId),
        eq(mediaChunks.messageId, params.messageId),
        eq(mediaChunks.variant, params.variant),
        between(mediaChunks.seq, params.fromSeq, params.toSeq),
      ),
    )
    .orderBy(asc(mediaChunks.seq));
  return rows.map((r) => ({ seq: r.seq, bytes: r.bytes instanceof Uint8Array ? r.bytes : new Uint8Array(r.bytes as ArrayBuffer) }));
}

/** Settle a pending item: ready with its type and size, or one of the final failures. Only once. */
export async function settleMedia(
  db: Db,
  params: {
    channelId: number;
    messageId: string;
    status: Exclude<MediaStatus, "pending" | "external">;
    storage?: "database" | "directory";
    contentType?: string | null;
    size?: number | null;
    previewContentType?: string | null;
    previewSize?: number | null;
    error?: string | null;
  },
) {
  const { channelId, messageId, ...set } = params;
  const rows = await db
    .update(media)
    .set({ ...set, fetchedAt: new Date() })
    .where(and(eq(media.channelId, channelId), eq(media.messageId, messageId), eq(media.status, "pending")))
    .returning({ messageId: media.messageId });
  return rows.length > 0;
}
