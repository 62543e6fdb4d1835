import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { relayDestinations, relayItems } from "../schema/relay";

export type RelayDestinationRow = typeof relayDestinations.$inferSelect;
export type RelayDestinationValues = Pick<
  typeof relayDestinations.$inferInsert,
  "name" | "url" | "enabled" | "signing" | "secretCiphertext" | "eventTypes" | "sourceTypes" | "modes" | "unseenOnly" | "timeoutMs"
>;

/** The NOTIFY channel that wakes every instance's forwarder: relay items were queued. */
export const RELAY_CHANNEL = "oa_relay";
/** Its payload when a destination was added, changed or removed: every forwarder reads them again at once. */
export const DESTINATIONS_CHANGED = "destinations";

export async function listDestinations(db: Db, params: { channelId: number }) {
  return db.select().from(relayDestinations).where(eq(relayDestinations.channelId, params.channelId)).orderBy(asc(relayDestinations.id));
}

export async function getDestination(db: Db, params: { channelId: number; id: number }) {
  const [row] = await db
    .select()
    .from(relayDestinations)
    .where(and(eq(relayDestinations.channelId, params.channelId), eq(relayDestinations.id, params.id)));
  return row;
}

export async function findDestinationByName(db: Db, params: { channelId: number; name: string }) {
  const [row] = await db
    .select({ id: relayDestinations.id })
    .from(relayDestinations)
    .where(and(eq(relayDestinations.channelId, params.channelId), eq(relayDestinations.name, params.name)));
  return row;
}

export async function createDestination(db: Db, params: { channelId: number; createdBy: string | null; values: RelayDestinationValues }) {
  const [row] = await db
    .insert(relayDestinations)
    .values({ ...params.values, channelId: params.channelId, createdBy: params.createdBy })
    .returning();
  await announceChange(db);
  return row!;
}

export async function updateDestination(db: Db, params: { channelId: number; id: number; values: Partial<RelayDestinationValues> }) {
  const [row] = await db
    .update(relayDestinations)
    .set({
      ...params.values,
      updatedAt: new Date(),
      // A changed URL or a resumed destination starts with a closed breaker.
      ...(params.values.url !== undefined || params.values.enabled ? { consecutiveFailures: 0, breakerOpenUntil: null } : {}),
    })
    .where(and(eq(relayDestinations.channelId, params.channelId), eq(relayDestinations.id, params.id)))
    .returning();
  if (row) await announceChange(db);
  return row;
}

/** Removes a destination; what was still on its way to it is cancelled, what was sent stays in the log. */
export async function deleteDestination(db: Db, params: { channelId: number; id: number }) {
  await db.transaction(async (tx) => {
    await tx
      .update(relayItems)
      .set({ state: "cancelled", finishedAt: new Date(), leaseUntil: null })
      .where(and(eq(relayItems.destinationId, params.id), eq(relayItems.state, "pending")));
    await tx.delete(relayDestinations).where(and(eq(relayDestinations.channelId, params.channelId), eq(relayDestinations.id, params.id)));
    await announceChange(tx);
  });
}

/**
 * After an attempt that LINE's rules would retry (network, timeout, 5xx, 408, 429): one more failure in a
 * row, and from the threshold on the breaker opens for `firstOpenMs`, doubling with each further failure
 * up to `maxOpenMs`.
 */
export async function recordDestinationFailure(db: Db, params: { id: number; threshold: number; firstOpenMs: number; maxOpenMs: number }) {
  await db.execute(sql`
    update ${relayDestinations} set consecutive_failures = consecutive_failures + 1,
      breaker_open_until = case when consecutive_failures + 1 >= ${params.threshold}
        then now() + least(${params.maxOpenMs}::float8, ${params.firstOpenMs}::float8 * power(2, least(consecutive_failures + 1 - ${params.threshold}, 20))) * interval '1 millisecond'
        else breaker_open_until end
    where id = ${params.id}`);
}

/**
 * After an answer from the bot (2xx, or a refusal it meant): the breaker closes, and the deliveries that
 * were waiting out their backoff because the bot was away are due at once (replays keep their pace).
 */
export async function recordDestinationSuccess(db: Db, params: { id: number }) {
  await db.transaction(async (tx) => {
    const reopened = await tx.execute(sql`
      update ${relayDestinations} set consecutive_failures = 0, breaker_open_until = null
      where id = ${params.id} and (consecutive_failures > 0 or breaker_open_until is not null) returning id`);
    if ((reopened as unknown as { rows: unknown[] }).rows.length === 0) return;
    await tx.execute(sql`
      update ${relayItems} set next_attempt_at = now()
      where destination_id = ${params.id} and state = 'pending' and replay_id is null and next_attempt_at > now()`);
    await tx.execute(sql`select pg_notify(${RELAY_CHANNEL}, '')`);
  });
}

/** Every destination with something to forward (all channels): the enabled ones, and paused ones with a replay under way. */
export async function listForwardingDestinations(db: Db) {
  return db
    .select()
    .from(relayDestinations)
    .where(
      sql`${relayDestinations.enabled} or exists (select 1 from ${relayItems} i
        where i.destination_id = ${relayDestinations.id} and i.state = 'pending' and i.replay_id is not null)`,
    )
    .orderBy(asc(relayDestinations.id));
}

// Forwarders keep the destinations for a second; a change reaches them at once instead (a paused
// destination stops, a resumed one starts, a new URL is used from the next send on).
async function announceChange(db: Pick<Db, "execute">) {
  await db.execute(sql`select pg_notify(${RELAY_CHANNEL}, ${DESTINATIONS_CHANGED})`);
}
