import { lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateWindows } from "@/db/schema/sends";

/**
 * Take `n` requests from the current window of `key` if the window still has room (atomic, shared by
 * every instance). Returns whether they were granted.
 */
export async function reserveRate(db: Db, params: { key: string; windowStart: Date; limit: number; n?: number }): Promise<boolean> {
  const n = params.n ?? 1;
  const result = await db.execute(sql`
    insert into ${rateWindows} (key, window_start, used) values (${params.key}, ${params.windowStart.toISOString()}::timestamptz, ${n})
    on conflict (key, window_start) do update set used = ${rateWindows.used} + excluded.used
      where ${rateWindows.used} + excluded.used <= ${params.limit}
    returning used`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function pruneRateWindows(db: Db, params: { before: Date }) {
  await db.delete(rateWindows).where(lt(rateWindows.windowStart, params.before));
}

/** Mark a window as used up (LINE answered 429 though our count had room: someone else shares the limit). */
export async function exhaustRate(db: Db, params: { key: string; windowStart: Date; limit: number }) {
  await db.execute(sql`
    insert into ${rateWindows} (key, window_start, used) values (${params.key}, ${params.windowStart.toISOString()}::timestamptz, ${params.limit})
    on conflict (key, window_start) do update set used = greatest(${rateWindows.used}, excluded.used)`);
}
