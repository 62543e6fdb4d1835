import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { readMarks } from "../schema/contacts";
import { events } from "../schema/webhook";

/** A friend's newest one-on-one message that carries LINE's markAsReadToken (through the per-user index). */
export async function newestReadToken(db: Db, params: { channelId: number; userId: string }): Promise<{ eventId: number; token: string } | undefined> {
  const token = sql<string>`${events.payload}->'message'->>'markAsReadToken'`;
  const [row] = await db
    .select({ eventId: events.id, token })
    .from(events)
    .where(
      and(
        eq(events.channelId, params.channelId),
        eq(events.userId, params.userId),
        eq(events.sourceType, "user"),
        eq(events.type, "message"),
        sql`${token} is not null`,
      ),
    )
    .orderBy(sql`${events.timestamp} desc, ${events.id} desc`)
    .limit(1);
  return row;
}

/**
 * Move a friend's read mark up to `eventId` unless it is there already: the caller that moves it is the
 * one that asks LINE (two operators opening the chat at once ask once). Answers whether it moved, and
 * where it was, to put it back if LINE refuses.
 */
export async function claimReadMark(
  db: Db,
  params: { channelId: number; userId: string; eventId: number },
): Promise<{ claimed: boolean; previous: number | null }> {
  const result = await db.execute(sql`
    with prev as (select event_id from ${readMarks} where channel_id = ${params.channelId} and user_id = ${params.userId})
    insert into ${readMarks} (channel_id, user_id, event_id) values (${params.channelId}, ${params.userId}, ${params.eventId})
    on conflict (channel_id, user_id) do update set event_id = excluded.event_id, marked_at = now()
      where ${readMarks.eventId} < excluded.event_id
    returning (select event_id from prev) as previous`);
  const rows = (result as unknown as { rows: Array<{ previous: string | number | null }> }).rows;
  return rows.length ? { claimed: true, previous: rows[0]!.previous == null ? null : Number(rows[0]!.previous) } : { claimed: false, previous: null };
}

/** Put a read mark back where it was (LINE refused), unless another caller has moved it since. */
export async function releaseReadMark(db: Db, params: { channelId: number; userId: string; eventId: number; previous: number | null }) {
  const mine = and(eq(readMarks.channelId, params.channelId), eq(readMarks.userId, params.userId), eq(readMarks.eventId, params.eventId));
  if (params.previous === null) await db.delete(readMarks).where(mine);
  else await db.update(readMarks).set({ eventId: params.previous }).where(mine);
}
