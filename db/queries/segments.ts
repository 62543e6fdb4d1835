import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { audiences, segments, type AudienceRow, type AudienceStatus } from "../schema/segments";

export async function createSegment(db: Db, params: { channelId: number; name: string; filter: unknown; createdBy: string }) {
  const [row] = await db
    .insert(segments)
    .values({ id: randomUUID(), channelId: params.channelId, name: params.name, filter: params.filter, createdBy: params.createdBy })
    .returning();
  return row!;
}

export async function listSegments(db: Db, params: { channelId: number }) {
  return db.select().from(segments).where(eq(segments.channelId, params.channelId)).orderBy(desc(segments.updatedAt)).limit(500);
}

export async function getSegment(db: Db, params: { channelId: number; id: string }) {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.channelId, params.channelId), eq(segments.id, params.id)));
  return row;
}

export async function updateSegment(db: Db, params: { channelId: number; id: string; name?: string; filter?: unknown }) {
  const [row] = await db
    .update(segments)
    .set({
      ...(params.name !== undefined ? { name: params.name } : {}),
      ...(params.filter !== undefined ? { filter: params.filter, size: null, sizeAt: null } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(segments.channelId, params.channelId), eq(segments.id, params.id)))
    .returning();
  return row;
}

export async function deleteSegment(db: Db, params: { channelId: number; id: string }) {
  const rows = await db
    .delete(segments)
    .where(and(eq(segments.channelId, params.channelId), eq(segments.id, params.id)))
    .returning({ id: segments.id });
  return rows.length > 0;
}

/** Remember the size just counted, for lists that show sizes without counting every segment. */
export async function recordSegmentSize(db: Db, params: { id: string; size: number }) {
  await db.update(segments).set({ size: params.size, sizeAt: new Date() }).where(eq(segments.id, params.id));
}

export async function createAudience(db: Db, params: { channelId: number; segmentId: string; description: string; createdBy: string }) {
  const [row] = await db
    .insert(audiences)
    .values({
      id: randomUUID(),
      channelId: params.channelId,
      segmentId: params.segmentId,
      description: params.description,
      status: "uploading",
      createdBy: params.createdBy,
    })
    .returning();
  return row!;
}

export async function getAudience(db: Db, params: { id: string }) {
  const [row] = await db.select().from(audiences).where(eq(audiences.id, params.id));
  return row;
}

export async function updateAudience(
  db: Db,
  params: { id: string; status?: AudienceStatus; audienceGroupId?: number; addUploaded?: number; audienceCount?: number | null; error?: string | null },
) {
  await db
    .update(audiences)
    .set({
      ...(params.status ? { status: params.status } : {}),
      ...(params.audienceGroupId !== undefined ? { audienceGroupId: params.audienceGroupId } : {}),
      ...(params.addUploaded ? { uploadedCount: sql`${audiences.uploadedCount} + ${params.addUploaded}` } : {}),
      ...(params.audienceCount !== undefined ? { audienceCount: params.audienceCount } : {}),
      ...(params.error !== undefined ? { error: params.error } : {}),
      updatedAt: new Date(),
    })
    .where(eq(audiences.id, params.id));
}

/** The newest audience of each of these segments. */
export async function latestAudiences(db: Db, params: { segmentIds: string[] }): Promise<Map<string, AudienceRow>> {
  const out = new Map<string, AudienceRow>();
  if (params.segmentIds.length === 0) return out;
  const rows = await db.select().from(audiences).where(inArray(audiences.segmentId, params.segmentIds)).orderBy(desc(audiences.createdAt));
  for (const r of rows) if (r.segmentId && !out.has(r.segmentId)) out.set(r.segmentId, r);
  return out;
}

export async function audiencesOfSegment(db: Db, params: { segmentId: string }) {
  return db.select().from(audiences).where(eq(audiences.segmentId, params.segmentId)).orderBy(desc(audiences.createdAt)).limit(20);
}
