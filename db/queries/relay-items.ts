import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { relayAttempts, relayDestinations, relayItems } from "../schema/relay";
import { events, webhookDeliveries } from "../schema/webhook";

/**
 * Whether LINE's bytes of the joined delivery `d` are still kept. Retention empties old bodies (never one
 * with a pending item, but a replay or the log may come later) and, with the events, deletes old
 * deliveries: what cannot go as LINE sent it is rebuilt from the events, as a filtered part is.
 */
export const BODY_KEPT = sql`(d.id is not null and d.body_purged_at is null)`;

/** A claimed item with what it takes to send it. */
export interface ClaimedRelayItem {
  id: number;
  channelId: number;
  destinationId: number | null;
  /** When the destination was last changed, as the claim saw it (a newer URL than the forwarder's). */
  destinationUpdatedAt: Date | null;
  replayId: number | null;
  deliveryId: string;
  eventIds: number[];
  whole: boolean;
  attempts: number;
  receivedAt: Date;
  /** LINE's bytes and signature (whole live items). */
  deliveryBody: string;
  lineSignature: string | null;
  destination: string | null;
  /** The events' raw JSON joined by commas, in order, when the body has to be rebuilt (a filtered part, a replay). */
  eventsJson: string | null;
  /** The oldest event with a reply token: its token expires about a minute after this. */
  replyFrom: Date | null;
}

/**
 * Lease due items of one destination (or of one-off replays, `destinationId: null`), oldest first, and
 * only an item nothing older of its order key is still waiting before: a chat's deliveries go one at a
 * time, in LINE's order, while other chats go alongside. SKIP LOCKED and the lease keep two instances
 * from ever sending the same item at once.
 */
export async function claimRelayItems(
  db: Db,
  params: { destinationId: number | null; replayId?: number; replaysOnly?: boolean; limit: number; worker: string; leaseMs: number },
): Promise<ClaimedRelayItem[]> {
  if (params.limit <= 0) return [];
  // One-off replays (no destination) are claimed replay by replay: each has its own URL.
  const ofDestination =
    params.destinationId === null
      ? sql`i.destination_id is null and i.replay_id = ${params.replayId ?? 0}`
      : params.replaysOnly
        ? sql`i.destination_id = ${params.destinationId} and i.replay_id is not null`
        : sql`i.destination_id = ${params.destinationId}`;
  const earlier = params.destinationId === null ? sql`p.destination_id is null` : sql`p.destination_id = ${params.destinationId}`;
  const result = await db.execute(sql`
    with due as (
      select i.id from ${relayItems} i
      where i.state = 'pending' and ${ofDestination} and i.next_attempt_at <= now()
        and (i.lease_until is null or i.lease_until < now())
        -- The chat's oldest pending item, as a subquery run per candidate on relay_items_pending_idx. As
        -- NOT EXISTS (an older pending item of the key), PGlite's planner, without fresh statistics,
        -- joined every pending item to every candidate: 76 ms a claim at 2,000 pending, 2 ms this way.
        and i.id = (
          select min(p.id) from ${relayItems} p
          where p.state = 'pending' and ${earlier} and p.order_key = i.order_key)
      order by i.id limit ${params.limit}
      for update of i skip locked
    ),
    claimed as (
      update ${relayItems} i set lease_until = now() + ${`${params.leaseMs} milliseconds`}::interval, leased_by = ${params.worker}, attempts = i.attempts + 1
      from due where i.id = due.id
      returning i.id, i.channel_id, i.destination_id, i.replay_id, i.delivery_id, i.event_ids, i.whole, i.attempts, i.received_at
    )
    select c.id, c.channel_id, c.destination_id, c.replay_id, c.delivery_id, c.whole and ${BODY_KEPT} as whole, c.attempts, c.received_at,
      d.body, d.line_signature, d.destination,
      array_to_string(c.event_ids, ',') as event_ids_text,
      case when c.replay_id is not null or not (c.whole and ${BODY_KEPT}) then
        (select string_agg(e.payload::text, ',' order by e.id) from ${events} e where e.id = any (c.event_ids)) end as payloads,
      (select min(e."timestamp") from ${events} e where e.id = any (c.event_ids) and e.reply_token is not null) as reply_from,
      (select rd.updated_at from ${relayDestinations} rd where rd.id = c.destination_id) as destination_updated_at
    from claimed c left join ${webhookDeliveries} d on d.id = c.delivery_id
    order by c.id`);
  type Row = {
    id: string;
    channel_id: number;
    destination_id: number | null;
    replay_id: number | null;
    delivery_id: string;
    event_ids_text: string;
    whole: boolean;
    attempts: number;
    received_at: string | Date;
    body: string | null;
    line_signature: string | null;
    destination: string | null;
    payloads: string | null;
    reply_from: string | Date | null;
    destination_updated_at: string | Date | null;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    id: Number(r.id),
    channelId: Number(r.channel_id),
    destinationId: r.destination_id,
    destinationUpdatedAt: r.destination_updated_at === null ? null : new Date(r.destination_updated_at),
    replayId: r.replay_id,
    deliveryId: r.delivery_id,
    eventIds: r.event_ids_text.split(",").map(Number),
    whole: r.whole,
    attempts: Number(r.attempts),
    receivedAt: new Date(r.received_at),
    deliveryBody: r.body ?? "",
    lineSignature: r.line_signature,
    destination: r.destination,
    eventsJson: r.payloads,
    replyFrom: r.reply_from === null ? null : new Date(r.reply_from),
  }));
}

export interface RelayAttemptResult {
  itemId: number;
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseHead: string | null;
  error: string | null;
  afterReplyDeadline: boolean;
  /** The item's state after this attempt; "pending" with `nextAttemptAt` to try again. */
  state: "pending" | "succeeded" | "refused" | "expired";
  nextAttemptAt: Date | null;
  forwardMs: number | null;
}

/**
 * Attempts' outcomes, many in one statement (the forwarder batches them): each item's state, and one
 * attempt row each. An item cancelled meanwhile stays cancelled.
 */
export async function finishRelayAttempts(db: Db, params: { results: RelayAttemptResult[] }) {
  if (params.results.length === 0) return;
  const rows = JSON.stringify(
    params.results.map((r) => ({
      item_id: r.itemId,
      attempt: r.attempt,
      started_at: r.startedAt.toISOString(),
      duration_ms: r.durationMs,
      status_code: r.statusCode,
      response_head: r.responseHead?.replaceAll("\u0000", "\uFFFD") ?? null,
      error: r.error,
      late: r.afterReplyDeadline,
      state: r.state,
      next_attempt_at: r.nextAttemptAt?.toISOString() ?? null,
      forward_ms: r.forwardMs,
    })),
  );
  await db.execute(sql`
    with r as (
      select * from json_to_recordset(${rows}::json) as x(item_id bigint, attempt int, started_at timestamptz, duration_ms int,
        status_code int, response_head text, error text, late boolean, state text, next_attempt_at timestamptz, forward_ms int)
    ),
    u as (
      update ${relayItems} i set state = r.state, lease_until = null, leased_by = null,
        next_attempt_at = coalesce(r.next_attempt_at, i.next_attempt_at),
        finished_at = case when r.state = 'pending' then null else now() end,
        last_status = r.status_code, last_error = r.error, forward_ms = r.forward_ms
      from r where i.id = r.item_id and i.state = 'pending'
    )
    insert into ${relayAttempts} (item_id, attempt, started_at, duration_ms, status_code, response_head, error, after_reply_deadline)
    select item_id, attempt, started_at, duration_ms, status_code, response_head, error, late from r`);
}

/**
 * Give leases back without an attempt: items claimed ahead that will not be sent now (the bot's breaker
 * opened meanwhile), or — with `all`, at the start of the one process PGlite allows — those a process
 * that died was holding.
 */
export async function releaseRelayItems(db: Db, params: { ids: number[] } | { all: true }) {
  if ("all" in params) {
    await db.execute(sql`update ${relayItems} set lease_until = null, leased_by = null where state = 'pending' and lease_until is not null`);
    return;
  }
  if (params.ids.length === 0) return;
  await db.execute(sql`
    update ${relayItems} set lease_until = null, leased_by = null, attempts = greatest(attempts - 1, 0)
    where id = any (${`{${params.ids.join(",")}}`}::bigint[]) and state = 'pending'`);
}
