import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { media, mediaChunks } from "../schema/media";
import { relayAttempts, relayItems } from "../schema/relay";
import { events, webhookDeliveries, webhookTimings } from "../schema/webhook";

// Retention: what is older than its period goes, a bounded batch per statement (lib/retention/ decides
// the periods and paces the batches). Every batch is chosen with FOR UPDATE SKIP LOCKED, oldest first:
// instances purging at once each take rows the others have not locked, so no batch is done twice and
// none waits for another. What is derived and meant as history stays: event_counts, friends and chats,
// sends. A row something still needs is left for a later pass:
// - a delivery's body, and its events, while a relay item of the delivery is pending (relay forwards
//   LINE's bytes, or rebuilds the body from the events, until the item is done or given up);
// - events the friends projection has not read yet (`upToEventId`).

export interface PurgeBatch {
  channelId: number;
  /** Rows older than this go. */
  before: Date;
  limit: number;
  /**
   * Where the previous batch of this pass ended: the next starts after it instead of at the oldest row,
   * so it does not wade through the index entries of rows deleted before (they stay until VACUUM) nor
   * through rows left for a later pass.
   */
  after?: PurgeCursor | null;
}

/** The last row a batch took, by the order it takes them in (a time and an id, as text). */
export interface PurgeCursor {
  at: string;
  id: string;
}

export interface PurgeResult {
  rows: number;
  last: PurgeCursor | null;
}

/** Empty the raw body of accepted deliveries (the events keep their own JSON); the delivery row stays. */
export async function purgeDeliveryBodies(db: Db, params: PurgeBatch): Promise<PurgeResult> {
  const result = await db.execute(sql`
    with doomed as (
      select d.id, d.received_at as at from ${webhookDeliveries} d
      where d.channel_id = ${params.channelId} and d.status_code < 300 and d.body_purged_at is null
        and d.received_at < ${params.before.toISOString()}::timestamptz ${afterDelivery(params.after)}
        and not exists (select 1 from ${relayItems} r where r.delivery_id = d.id and r.state = 'pending')
      order by d.received_at, d.id limit ${params.limit}
      for update of d skip locked
    ),
    purged as (
      update ${webhookDeliveries} d set body = '', body_purged_at = now() from doomed where d.id = doomed.id returning 1
    )
    ${summary(sql`purged`)}`);
  return resultOf(result);
}

/** Refused deliveries (anyone can POST them; kept for diagnosis) and the timings of refused requests. */
export async function purgeRejectedDeliveries(db: Db, params: PurgeBatch): Promise<PurgeResult> {
  const before = params.before.toISOString();
  const result = await db.execute(sql`
    with doomed as (
      select id from ${webhookDeliveries}
      where channel_id = ${params.channelId} and status_code >= 300 and received_at < ${before}::timestamptz
      order by received_at, id limit ${params.limit}
      for update skip locked
    ),
    doomed_timings as (
      select delivery_id from ${webhookTimings}
      where channel_id = ${params.channelId} and status_code >= 300 and received_at < ${before}::timestamptz
      order by received_at, delivery_id limit ${params.limit}
      for update skip locked
    ),
    t as (delete from ${webhookTimings} where delivery_id in (select delivery_id from doomed_timings) returning 1),
    d as (delete from ${webhookDeliveries} where id in (select id from doomed) returning 1)
    select (select count(*) from d)::int + (select count(*) from t)::int as n`);
  return { rows: countOf(result), last: null };
}

/** Events older than `before` (by LINE's timestamp). Their hourly counts stay: they are history. */
export async function purgeEvents(db: Db, params: PurgeBatch & { upToEventId: number }): Promise<PurgeResult> {
  const after = params.after ? sql`and (e."timestamp", e.id) > (${params.after.at}::timestamptz, ${params.after.id}::bigint)` : sql``;
  const result = await db.execute(sql`
    with doomed as (
      select e.id, e."timestamp" as at from ${events} e
      where e.channel_id = ${params.channelId} and e."timestamp" < ${params.before.toISOString()}::timestamptz ${after}
        and e.id <= ${params.upToEventId}
        and not exists (select 1 from ${relayItems} r where r.delivery_id = e.delivery_id and r.state = 'pending')
      order by e."timestamp", e.id limit ${params.limit}
      for update of e skip locked
    ),
    gone as (delete from ${events} where id in (select id from doomed) returning 1)
    ${summary(sql`gone`)}`);
  return resultOf(result);
}

/**
 * Accepted deliveries received before `before` with no event left (retention took them, or they were
 * all duplicates), and their timings. Run after purgeEvents with the same cutoff.
 */
export async function purgeEventlessDeliveries(db: Db, params: PurgeBatch): Promise<PurgeResult> {
  const result = await db.execute(sql`
    with doomed as (
      select d.id, d.received_at as at from ${webhookDeliveries} d
      where d.channel_id = ${params.channelId} and d.status_code < 300 and d.received_at < ${params.before.toISOString()}::timestamptz
        ${afterDelivery(params.after)}
        and not exists (select 1 from ${events} e where e.delivery_id = d.id)
        and not exists (select 1 from ${relayItems} r where r.delivery_id = d.id and r.state = 'pending')
      order by d.received_at, d.id limit ${params.limit}
      for update of d skip locked
    ),
    t as (delete from ${webhookTimings} where delivery_id in (select id from doomed)),
    gone as (delete from ${webhookDeliveries} where id in (select id from doomed) returning 1)
    ${summary(sql`gone`)}`);
  return resultOf(result);
}

/** Relay items finished before `before`, and their attempts (pending items are never in the log's past). */
export async function purgeRelayLog(db: Db, params: PurgeBatch): Promise<PurgeResult> {
  const result = await db.execute(sql`
    with doomed as (
      select id from ${relayItems}
      where finished_at is not null and finished_at < ${params.before.toISOString()}::timestamptz and channel_id = ${params.channelId}
      order by finished_at limit ${params.limit}
      for update skip locked
    ),
    a as (delete from ${relayAttempts} where item_id in (select id from doomed)),
    gone as (delete from ${relayItems} where id in (select id from doomed) returning 1)
    select count(*)::int as n from gone`);
  return { rows: countOf(result), last: null };
}

/**
 * Media fetched before `before` whose bytes are kept: marked expired, and the chunks of those kept in
 * the database deleted with it. Those kept in a directory keep `storage` until their files are gone
 * (forgetMediaFiles): a crash in between leaves them to be picked up again by the next batch.
 */
export async function expireMedia(db: Db, params: PurgeBatch): Promise<Array<{ messageId: string; storage: "database" | "directory" | null }>> {
  const result = await db.execute(sql`
    with doomed as (
      select channel_id, message_id from ${media}
      where storage is not null and created_at < ${params.before.toISOString()}::timestamptz and channel_id = ${params.channelId}
      order by created_at limit ${params.limit}
      for update skip locked
    ),
    c as (delete from ${mediaChunks} m using doomed d where m.channel_id = d.channel_id and m.message_id = d.message_id),
    expired as (
      update ${media} m set status = 'expired', storage = nullif(m.storage, 'database')
      from doomed d where m.channel_id = d.channel_id and m.message_id = d.message_id
      returning m.message_id, m.storage
    )
    select message_id, storage from expired`);
  return (result as unknown as { rows: Array<{ message_id: string; storage: "directory" | null }> }).rows.map((r) => ({
    messageId: r.message_id,
    storage: r.storage,
  }));
}

/** Expired media whose files have been deleted: nothing of them is kept any more. */
export async function forgetMediaFiles(db: Db, params: { channelId: number; messageIds: string[] }): Promise<void> {
  if (params.messageIds.length === 0) return;
  await db.execute(sql`
    update ${media} set storage = null
    where channel_id = ${params.channelId} and status = 'expired'
      and message_id in (select json_array_elements_text(${JSON.stringify(params.messageIds)}::json))`);
}

function afterDelivery(after: PurgeCursor | null | undefined) {
  return after ? sql`and (d.received_at, d.id) > (${after.at}::timestamptz, ${after.id})` : sql``;
}

// How many rows the batch changed, and the last row it took (`doomed`: id, at).
function summary(changed: ReturnType<typeof sql>) {
  return sql`, last as (select at::text as at, id::text as id from doomed order by at desc, id desc limit 1)
    select (select count(*) from ${changed})::int as n, (select at from last) as at, (select id from last) as id`;
}

function resultOf(result: unknown): PurgeResult {
  const row = (result as { rows: Array<{ n: number | string; at: string | null; id: string | null }> }).rows[0];
  return { rows: Number(row?.n ?? 0), last: row?.at && row.id ? { at: row.at, id: row.id } : null };
}

function countOf(result: unknown): number {
  return Number((result as { rows: Array<{ n: number | string }> }).rows[0]?.n ?? 0);
}
