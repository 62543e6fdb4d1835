import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { lineSyncs } from "../schema/contacts";

export type LineSyncStatus = "running" | "ok" | "not_available" | "error";

export async function getLineSync(db: Db, params: { channelId: number; name: string }) {
  const [row] = await db
    .select()
    .from(lineSyncs)
    .where(and(eq(lineSyncs.channelId, params.channelId), eq(lineSyncs.name, params.name)));
  return row;
}

/** Record a sync's state; fields left out keep their value. */
export async function setLineSync(
  db: Db,
  params: { channelId: number; name: string; status: LineSyncStatus; details?: Record<string, unknown>; startedAt?: Date; finishedAt?: Date | null },
) {
  const set = {
    status: params.status,
    updatedAt: new Date(),
    ...(params.details ? { details: params.details } : {}),
    ...(params.startedAt ? { startedAt: params.startedAt } : {}),
    ...(params.finishedAt !== undefined ? { finishedAt: params.finishedAt } : {}),
  };
  await db
    .insert(lineSyncs)
    .values({ channelId: params.channelId, name: params.name, ...set })
    .onConflictDoUpdate({ target: [lineSyncs.channelId, lineSyncs.name], set });
}
