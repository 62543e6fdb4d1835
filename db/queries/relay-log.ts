import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { relayAttempts, relayDestinations, relayItems } from "../schema/relay";
import { events, webhookDeliveries } from "../schema/webhook";
import { BODY_KEPT, type ClaimedRelayItem } from "./relay-items";

export type RelayOutcome = "pending" | "succeeded" | "refused" | "expired" | "cancelled" | "failing";

export interface RelayItemSummary {
  id: number;
  destinationId: number | null;
  replayId: number | null;
  deliveryId: string;
  eventIds: number[];
  state: "pending" | "succeeded" | "refused" | "expired" | "cancelled";
  attempts: number;
  nextAttemptAt: Date;
  receivedAt: Date;
  finishedAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  forwardMs: number | null;
}

const itemColumns = sql`i.id, i.destination_id, i.replay_id, i.delivery_id, array_to_string(i.event_ids, ',') as event_ids_text, i.state, i.attempts,
  i.next_attempt_at, i.received_at, i.finished_at, i.last_status, i.last_error, i.forward_ms`;

/** A destination's relay log, newest first, by outcome ("failing": still being retried). */
export async function listRelayItems(db: Db, params: { channelId: number; destinationId: number; outcome?: RelayOutcome; before?: number; limit: number }) {
  const c: SQL[] = [sql`i.channel_id = ${params.channelId}`, sql`i.destination_id = ${params.destinationId}`];
  if (params.outcome === "failing") c.push(sql`i.state = 'pending' and i.attempts > 0 and i.lease_until is null`);
  else if (params.outcome) c.push(sql`i.state = ${params.outcome}`);
  if (params.before) c.push(sql`i.id < ${params.before}`);
  const result = await db.execute(sql`select ${itemColumns} from ${relayItems} i where ${sql.join(c, sql` and `)} order by i.id desc limit ${params.limit}`);
  return toSummaries(result);
}

/** What relay did with one delivery's events, or one event's (every destination and replay). */
export async function relayItemsFor(db: Db, params: { channelId: number; deliveryId: string; eventId?: number }) {
  const result = await db.execute(sql`
    select ${itemColumns} from ${relayItems} i
    where i.channel_id = ${params.channelId} and i.delivery_id = ${params.deliveryId}
      ${params.eventId ? sql`and ${params.eventId}::bigint = any (i.event_ids)` : sql``}
    order by i.id`);
  return toSummaries(result);
}

export async function relayAttemptsOf(db: Db, params: { itemIds: number[] }) {
  if (params.itemIds.length === 0) return [];
  const result = await db.execute(sql`
    select item_id, attempt, started_at, duration_ms, status_code, response_head, error, after_reply_deadline
    from ${relayAttempts} where item_id = any (${`{${params.itemIds.join(",")}}`}::bigint[]) order by item_id, attempt`);
  type Row = {
    item_id: string;
    attempt: number;
    started_at: string | Date;
    duration_ms: number;
    status_code: number | null;
    response_head: string | null;
    error: string | null;
    after_reply_deadline: boolean;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    itemId: Number(r.item_id),
    attempt: Number(r.attempt),
    startedAt: new Date(r.started_at),
    durationMs: Number(r.duration_ms),
    statusCode: r.status_code === null ? null : Number(r.status_code),
    responseHead: r.response_head,
    error: r.error,
    afterReplyDeadline: r.after_reply_deadline,
  }));
}

/** One item with what was (or will be) sent, to show the body. */
export async function relayItemWithContent(
  db: Db,
  params: { channelId: number; id: number },
): Promise<(ClaimedRelayItem & { summary: RelayItemSummary; contentRemoved: boolean }) | undefined> {
  const result = await db.execute(sql`
    select ${itemColumns}, i.whole and ${BODY_KEPT} as whole, d.body, d.line_signature, d.destination,
      case when i.replay_id is not null or not (i.whole and ${BODY_KEPT}) then
        (select string_agg(e.payload::text, ',' order by e.id) from ${events} e where e.id = any (i.event_ids)) end as payloads
    from ${relayItems} i left join ${webhookDeliveries} d on d.id = i.delivery_id
    where i.channel_id = ${params.channelId} and i.id = ${params.id}`);
  const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
  if (!row) return undefined;
  const summary = toSummary(row);
  return {
    summary,
    // Retention took the delivery's body and every one of its events: nothing of what was sent is left.
    contentRemoved: (summary.replayId !== null || !row.whole) && row.payloads === null,
    id: summary.id,
    channelId: params.channelId,
    destinationId: summary.destinationId,
    destinationUpdatedAt: null,
    replayId: summary.replayId,
    deliveryId: summary.deliveryId,
    eventIds: summary.eventIds,
    whole: row.whole as boolean,
    attempts: summary.attempts,
    receivedAt: summary.receivedAt,
    deliveryBody: (row.body as string | null) ?? "",
    lineSignature: row.line_signature as string | null,
    destination: row.destination as string | null,
    eventsJson: row.payloads as string | null,
    replyFrom: null,
  };
}

/**
 * Per destination since `since`: outcomes, attempts that failed, forward latency (receipt to the bot's
 * 2xx) p50/p99, and the backlog with its oldest item.
 */
export async function relayStats(db: Db, params: { channelId: number; since: Date }) {
  // Latency from the newest 5,000 forwards of the hour: the same figure at a busy hour, at a bounded cost.
  const newestSucceeded = sql`select i.forward_ms from ${relayItems} i
    where i.destination_id = d.id and i.state = 'succeeded' and i.finished_at >= ${params.since.toISOString()}::timestamptz
    order by i.id desc limit 5000`;
  const result = await db.execute(sql`
    select d.id, d.name, d.enabled,
      (select count(*) from ${relayItems} i where i.destination_id = d.id and i.state = 'succeeded' and i.finished_at >= ${params.since.toISOString()}::timestamptz) as succeeded,
      (select count(*) from ${relayItems} i where i.destination_id = d.id and i.state in ('refused', 'expired') and i.finished_at >= ${params.since.toISOString()}::timestamptz) as failed,
      (select count(*) from ${relayAttempts} a join ${relayItems} i on i.id = a.item_id
        where a.started_at >= ${params.since.toISOString()}::timestamptz and (a.status_code is null or a.status_code >= 300) and i.destination_id = d.id) as failed_attempts,
      (select percentile_cont(0.5) within group (order by s.forward_ms) from (${newestSucceeded}) s) as p50,
      (select percentile_cont(0.99) within group (order by s.forward_ms) from (${newestSucceeded}) s) as p99,
      (select count(*) from ${relayItems} i where i.destination_id = d.id and i.state = 'pending') as backlog,
      (select min(i.received_at) from ${relayItems} i where i.destination_id = d.id and i.state = 'pending') as oldest_pending
    from ${relayDestinations} d where d.channel_id = ${params.channelId} order by d.id`);
  type Row = {
    id: number;
    name: string;
    enabled: boolean;
    succeeded: string;
    failed: string;
    failed_attempts: string;
    p50: number | null;
    p99: number | null;
    backlog: string;
    oldest_pending: string | Date | null;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    enabled: r.enabled,
    succeeded: Number(r.succeeded),
    failed: Number(r.failed),
    failedAttempts: Number(r.failed_attempts),
    p50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
    p99Ms: r.p99 === null ? null : Math.round(Number(r.p99)),
    backlog: Number(r.backlog),
    oldestPendingAt: r.oldest_pending === null ? null : new Date(r.oldest_pending),
  }));
}

function toSummaries(result: unknown): RelayItemSummary[] {
  return (result as { rows: Array<Record<string, unknown>> }).rows.map(toSummary);
}

function toSummary(r: Record<string, unknown>): RelayItemSummary {
  const date = (v: unknown) => new Date(v as string);
  return {
    id: Number(r.id),
    destinationId: r.destination_id === null ? null : Number(r.destination_id),
    replayId: r.replay_id === null ? null : Number(r.replay_id),
    deliveryId: r.delivery_id as string,
    eventIds: String(r.event_ids_text).split(",").map(Number),
    state: r.state as RelayItemSummary["state"],
    attempts: Number(r.attempts),
    nextAttemptAt: date(r.next_attempt_at),
    receivedAt: date(r.received_at),
    finishedAt: r.finished_at === null ? null : date(r.finished_at),
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error as string | null,
    forwardMs: r.forward_ms === null ? null : Number(r.forward_ms),
  };
}
