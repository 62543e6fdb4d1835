import { inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { authThrottle, knownSignInAddresses } from "../schema/auth";

export async function getThrottleState(db: Db, params: { keys: string[] }) {
  if (params.keys.length === 0) return [];
  return db.select().from(authThrottle).where(inArray(authThrottle.key, params.keys));
}

/** Count one more failure for each key; a key quiet for `resetAfterMs` starts again from one. */
export async function recordFailures(db: Db, params: { keys: string[]; at: Date; resetAfterMs: number }) {
  if (params.keys.length === 0) return;
  const resetBefore = new Date(params.at.getTime() - params.resetAfterMs).toISOString();
  await db
    .insert(authThrottle)
    .values(params.keys.map((key) => ({ key, failures: 1, lastFailureAt: params.at })))
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${authThrottle.lastFailureAt} < ${resetBefore}::timestamptz then 1 else ${authThrottle.failures} + 1 end`,
        lastFailureAt: params.at,
      },
    });
}

export async function clearFailures(db: Db, params: { keys: string[] }) {
  if (params.keys.length === 0) return;
  await db.delete(authThrottle).where(inArray(authThrottle.key, params.keys));
}

export async function isKnownAddress(db: Db, params: { key: string }) {
  const rows = await db
    .select({ key: knownSignInAddresses.key })
    .from(knownSignInAddresses)
    .where(inArray(knownSignInAddresses.key, [params.key]));
  return rows.length > 0;
}

export async function rememberAddress(db: Db, params: { key: string; at: Date }) {
  await db
    .insert(knownSignInAddresses)
    .values({ key: params.key, lastSeenAt: params.at })
    .onConflictDoUpdate({ target: knownSignInAddresses.key, set: { lastSeenAt: params.at } });
}

/** Drop throttle rows nobody has failed on for a day (called now and then, not on every request). */
export async function pruneThrottle(db: Db, params: { before: Date }) {
  await db.delete(authThrottle).where(lt(authThrottle.lastFailureAt, params.before));
}
