import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { relayItems, relayReplays } from "../schema/relay";
import { events } from "../schema/webhook";
import { eventConditions, type ListEventsParams } from "./event-filters";
import { RELAY_CHANNEL } from "./relay-destinations";

export type RelayReplayRow = typeof relayReplays.$inferSelect;
export type ReplayFilter = Omit<ListEventsParams, "channelId" | "limit" | "cursor" | "q" | "idRange">;
export type ReplayScope = { kind: "event"; eventId: number } | { kind: "delivery"; deliveryId: string } | { kind: "filter"; filter: ReplayFilter };

/** The events a replay would send, oldest first (LINE's order), at most `limit`. */
function scopeConditions(channelId: number, scope: ReplayScope, unseenBy: number | null): SQL[] {
  const c: SQL[] =
    scope.kind === "event"
      ? [eq(events.channelId, channelId), eq(events.id, scope.eventId)]
      : scope.kind === "delivery"
        ? [eq(events.channelId, channelId), eq(events.deliveryId, scope.deliveryId)]
        : eventConditions({ ...scope.filter, channelId, limit: 0 });
  // "Only events it has not seen": none a destination already answered 2xx for.
  if (unseenBy !== null) {
    c.push(sql`not exists (select 1 from ${relayItems} s where s.delivery_id = ${events.deliveryId}
      and s.destination_id = ${unseenBy} and s.state = 'succeeded' and ${events.id} = any (s.event_ids))`);
  }
  return c;
}

export async function countReplayEvents(db: Db, params: { channelId: number; scope: ReplayScope; unseenBy: number | null }) {
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(and(...scopeConditions(params.channelId, params.scope, params.unseenBy)));
  return Number(row?.n ?? 0);
}

/**
 * A replay and its items in one transaction: one item per event (a delivery's events together, as LINE
 * sent them), one at a time in order (one order key), paced at `perSecond` by their due times.
 */
export async function createReplay(
  db: Db,
  params: {
    channelId: number;
    destinationId: number | null;
    url: string | null;
    secretCiphertext: string | null;
    scope: ReplayScope;
    unseenBy: number | null;
    perSecond: number;
    limit: number;
    createdBy: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const chosen = await tx
      .select({ id: events.id, deliveryId: events.deliveryId })
      .from(events)
      .where(and(...scopeConditions(params.channelId, params.scope, params.unseenBy)))
      .orderBy(asc(events.timestamp), asc(events.id))
      .limit(params.limit);
    // A delivery replays as one request; an event or a filter's events one request each.
    const groups =
      params.scope.kind === "delivery" && chosen.length
        ? [{ deliveryId: chosen[0]!.deliveryId, ids: chosen.map((e) => e.id) }]
        : chosen.map((e) => ({ deliveryId: e.deliveryId, ids: [e.id] }));
    const [replay] = await tx
      .insert(relayReplays)
      .values({
        channelId: params.channelId,
        destinationId: params.destinationId,
        url: params.url,
        secretCiphertext: params.secretCiphertext,
        scope: params.scope.kind,
        filter: params.scope.kind === "filter" ? params.scope.filter : params.scope,
        total: groups.length,
        perSecond: params.perSecond,
        createdBy: params.createdBy,
        state: groups.length ? "running" : "finished",
      })
      .returning();
    const now = Date.now();
    for (let i = 0; i < groups.length; i += 1000) {
      await tx.insert(relayItems).values(
        groups.slice(i, i + 1000).map((g, j) => ({
          channelId: params.channelId,
          destinationId: params.destinationId,
          replayId: replay!.id,
          deliveryId: g.deliveryId,
          eventIds: g.ids,
          whole: false,
          orderKey: `replay:${replay!.id}`,
          nextAttemptAt: new Date(now + Math.floor(((i + j) * 1000) / params.perSecond)),
          receivedAt: new Date(now),
        })),
      );
    }
    if (groups.length) await tx.execute(sql`select pg_notify(${RELAY_CHANNEL}, '')`);
    return replay!;
  });
}

/** Stops a replay: what has not gone out yet is cancelled. */
export async function cancelReplay(db: Db, params: { channelId: number; id: number }) {
  return db.transaction(async (tx) => {
    const [replay] = await tx
      .update(relayReplays)
      .set({ state: "cancelled", cancelledAt: new Date() })
      .where(and(eq(relayReplays.channelId, params.channelId), eq(relayReplays.id, params.id), eq(relayReplays.state, "running")))
      .returning();
    if (replay) {
      await tx
        .update(relayItems)
        .set({ state: "cancelled", finishedAt: new Date(), leaseUntil: null })
        .where(and(eq(relayItems.replayId, params.id), eq(relayItems.state, "pending")));
    }
    return replay;
  });
}

export async function getReplay(db: Db, params: { channelId: number; id: number }) {
  const [replay] = await db
    .select()
    .from(relayReplays)
    .where(and(eq(relayReplays.channelId, params.channelId), eq(relayReplays.id, params.id)));
  if (!replay) return undefined;
  const states = await db.select({ state: relayItems.state, n: count() }).from(relayItems).where(eq(relayItems.replayId, params.id)).groupBy(relayItems.state);
  const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)])) as Partial<Record<(typeof relayItems.$inferSelect)["state"], number>>;
  return { ...replay, byState };
}

export async function listReplays(db: Db, params: { channelId: number; limit: number }) {
  return db
    .select()
    .from(relayReplays)
    .where(eq(relayReplays.channelId, params.channelId))
    .orderBy(sql`${relayReplays.id} desc`)
    .limit(params.limit);
}

export interface OneOffTarget {
  id: number;
  url: string;
  secretCiphertext: string | null;
}

/** Running replays to a one-off URL that still have something to send. */
export async function listOneOffReplayTargets(db: Db): Promise<OneOffTarget[]> {
  const rows = await db.execute(sql`
    select r.id, r.url, r.secret_ciphertext from ${relayReplays} r
    where r.state = 'running' and r.destination_id is null and r.url is not null
      and exists (select 1 from ${relayItems} i where i.replay_id = r.id and i.state = 'pending')`);
  return (rows as unknown as { rows: Array<{ id: number; url: string; secret_ciphertext: string | null }> }).rows.map((r) => ({
    id: Number(r.id),
    url: r.url,
    secretCiphertext: r.secret_ciphertext,
  }));
}
