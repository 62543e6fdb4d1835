import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys, user } from "../schema/auth";
import { channels } from "../schema/channels";
import type { ApiKeyRole } from "../schema/enums";
import { announceAccessEnded } from "./access-notices";

/** A key for the given channels; without `channelIds` (the admin command, tests), for every channel there is. */
export async function createApiKey(
  db: Db,
  params: { id: string; name: string; role: ApiKeyRole; prefix: string; keyHash: string; createdBy: string | null; channelIds?: number[] },
) {
  const channelIds = params.channelIds ?? (await db.select({ id: channels.id }).from(channels)).map((c) => c.id);
  const [row] = await db
    .insert(apiKeys)
    .values({ ...params, channelIds })
    .returning();
  return row!;
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      channelIds: apiKeys.channelIds,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      createdBy: user.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(user, eq(user.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt));
}

/** The live (not revoked) key with this hash. */
export async function findApiKeyByHash(db: Db, params: { keyHash: string }) {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role, channelIds: apiKeys.channelIds, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, params.keyHash), isNull(apiKeys.revokedAt)));
  return row;
}

/** Record use at most once a minute per key: a busy script must not turn every read into a write. */
export async function touchApiKey(db: Db, params: { id: string; at: Date }) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: params.at })
    .where(
      and(
        eq(apiKeys.id, params.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`${params.at.toISOString()}::timestamptz - interval '1 minute'`)),
      ),
    );
}

export async function revokeApiKey(db: Db, params: { id: string; at: Date }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: params.at })
    .where(and(eq(apiKeys.id, params.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role });
  if (row) await announceAccessEnded(db, { id: row.id });
  return row;
}

export async function isApiKeyLive(db: Db, params: { id: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, params.id), isNull(apiKeys.revokedAt)));
  return Boolean(row);
}
