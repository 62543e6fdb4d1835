import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { sendStatistics } from "@/db/schema/campaigns";
import { sendChunks, sends } from "@/db/schema/sends";
import { events } from "@/db/schema/webhook";

// LINE's statistics of sends (db/schema/campaigns.ts, send_statistics): which are due to be fetched,
// leased to one instance at a time, and what was fetched.

/** LINE's figures take a while to appear: the first look is this long after the send. */
export const FIRST_FETCH_DELAY_MS = 20 * 60_000;
/** LINE keeps a send's statistics this long (line-api.md §5.2: 14 days); fetching stops then. */
export const STATISTICS_KEPT_MS = 14 * 86_400_000;

export type StatisticsRow = typeof sendStatistics.$inferSelect;

/**
 * Called where requests are recorded as accepted (finishChunks, in its transaction): a broadcast's or
 * narrowcast's accepted request makes its `request:<id>` row due; a push or multicast that carried an
 * aggregation unit makes (or extends) its campaign's `unit:<unit>` row. Test sends are not measured.
 */
export async function statisticsDueForChunks(db: Db, params: { chunkIds: string[] }) {
  if (params.chunkIds.length === 0) return;
  const ids = JSON.stringify(params.chunkIds);
  const first = `${FIRST_FETCH_DELAY_MS} milliseconds`;
  const kept = `${STATISTICS_KEPT_MS} milliseconds`;
  // The request id insight wants is the accepted request's: on a 409 that is the earlier attempt's.
  await db.execute(sql`
    insert into ${sendStatistics} (channel_id, subject, campaign_id, send_id, since, keep_until, next_fetch_at)
    select s.channel_id, 'request:' || coalesce(c.accepted_request_id, c.line_request_id), s.campaign_id, s.id,
      s.created_at, s.created_at + ${kept}::interval, now() + ${first}::interval
    from ${sendChunks} c join ${sends} s on s.id = c.send_id
    where c.id in (select value::text from json_array_elements_text(${ids}::json))
      and c.status = 'accepted' and s.kind in ('broadcast', 'narrowcast') and not s.is_test
      and coalesce(c.accepted_request_id, c.line_request_id) is not null
    on conflict (channel_id, subject) do nothing`);
  await db.execute(sql`
    insert into ${sendStatistics} (channel_id, subject, campaign_id, send_id, since, keep_until, next_fetch_at)
    select distinct on (s.channel_id, s.aggregation_unit) s.channel_id, 'unit:' || s.aggregation_unit, s.campaign_id, null::text,
      s.created_at, s.created_at + ${kept}::interval, now() + ${first}::interval
    from ${sendChunks} c join ${sends} s on s.id = c.send_id
    where c.id in (select value::text from json_array_elements_text(${ids}::json))
      and c.status = 'accepted' and s.kind in ('push', 'multicast') and not s.is_test and s.aggregation_unit is not null
    order by s.channel_id, s.aggregation_unit, s.created_at
    on conflict (channel_id, subject) do update set
      since = least(${sendStatistics.since}, excluded.since),
      keep_until = greatest(${sendStatistics.keepUntil}, excluded.keep_until),
      -- A later send of the campaign: look again soon (unless a look is due sooner anyway).
      next_fetch_at = case when ${sendStatistics.keepUntil} < excluded.keep_until
        then least(coalesce(${sendStatistics.nextFetchAt}, excluded.next_fetch_at), excluded.next_fetch_at)
        else ${sendStatistics.nextFetchAt} end`);
}

/**
 * Lease up to `limit` statistics due to be fetched (FOR UPDATE SKIP LOCKED, then a lease: two instances
 * never fetch the same one at once; a lease that runs out makes it due again).
 */
export async function claimDueStatistics(db: Db, params: { limit: number; leaseMs: number }): Promise<StatisticsRow[]> {
  const result = await db.execute(sql`
    with due as (
      select channel_id, subject from ${sendStatistics}
      where next_fetch_at is not null and next_fetch_at <= now() and (locked_until is null or locked_until < now())
      order by next_fetch_at limit ${params.limit}
      for update skip locked
    )
    update ${sendStatistics} st set locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval, attempts = st.attempts + 1
    from due where st.channel_id = due.channel_id and st.subject = due.subject
    returning st.channel_id, st.subject`);
  const keys = (result as unknown as { rows: Array<{ channel_id: number; subject: string }> }).rows;
  if (keys.length === 0) return [];
  return db
    .select()
    .from(sendStatistics)
    .where(or(...keys.map((k) => and(eq(sendStatistics.channelId, k.channel_id), eq(sendStatistics.subject, k.subject)))));
}

/** What a fetch came to: LINE's answer (or an error) and when to look next (null: never again). */
export async function saveStatistics(
  db: Db,
  params: { channelId: number; subject: string; body?: unknown; error?: unknown; nextFetchAt: Date | null; uncountAttempt?: boolean },
) {
  await db
    .update(sendStatistics)
    .set({
      ...(params.body !== undefined ? { body: params.body, fetchedAt: new Date(), error: null } : {}),
      ...(params.error !== undefined ? { error: params.error } : {}),
      nextFetchAt: params.nextFetchAt,
      lockedUntil: null,
      ...(params.uncountAttempt ? { attempts: sql`${sendStatistics.attempts} - 1` } : {}),
    })
    .where(and(eq(sendStatistics.channelId, params.channelId), eq(sendStatistics.subject, params.subject)));
}

/** The statistics rows of some campaigns (of this channel). */
export async function statisticsOfCampaigns(db: Db, params: { channelId: number; campaignIds: string[] }): Promise<StatisticsRow[]> {
  if (params.campaignIds.length === 0) return [];
  return db
    .select()
    .from(sendStatistics)
    .where(and(eq(sendStatistics.channelId, params.channelId), inArray(sendStatistics.campaignId, params.campaignIds)));
}

/** The statistics that measure some sends: each send's own request row, or its aggregation unit's row. */
export async function statisticsOfSends(
  db: Db,
  params: { channelId: number; sends: Array<{ id: string; aggregationUnit: string | null }> },
): Promise<StatisticsRow[]> {
  const ids = params.sends.map((s) => s.id);
  const units = [...new Set(params.sends.flatMap((s) => (s.aggregationUnit ? [`unit:${s.aggregationUnit}`] : [])))];
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sendStatistics)
    .where(
      and(
        eq(sendStatistics.channelId, params.channelId),
        units.length ? or(inArray(sendStatistics.sendId, ids), inArray(sendStatistics.subject, units)) : inArray(sendStatistics.sendId, ids),
      ),
    );
}

/**
 * Unfollows (LINE's unfollow event: the friend blocked the account) in the `windowMs` after each send,
 * from our own events: by the send's recipients — a multicast's ids, a push's `to` — or, for a broadcast
 * or narrowcast (whose recipients LINE does not name), by any friend.
 */
export async function unfollowsAfterSends(
  db: Db,
  params: { channelId: number; sends: Array<{ id: string; kind: string; createdAt: Date; to: string | null }>; windowMs: number },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const s of params.sends) {
    const from = s.createdAt.toISOString();
    const to = new Date(s.createdAt.getTime() + params.windowMs).toISOString();
    const who =
      s.kind === "multicast"
        ? sql`and exists (select 1 from ${sendChunks} c where c.send_id = ${s.id} and c.recipients @> array[e.user_id])`
        : s.kind === "push" || s.kind === "reply"
          ? sql`and e.user_id = ${s.to ?? ""}`
          : sql``;
    const result = await db.execute(sql`
      select count(distinct e.user_id)::int as n from ${events} e
      where e.channel_id = ${params.channelId} and e.type = 'unfollow'
        and e.timestamp >= ${from}::timestamptz and e.timestamp < ${to}::timestamptz ${who}`);
    counts.set(s.id, (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Lease these statistics of a channel to be fetched now, whether due or not (an A/B test's decision
 * wants fresh figures); one being fetched elsewhere at this moment is skipped.
 */
export async function claimStatistics(db: Db, params: { channelId: number; subjects: string[]; leaseMs: number }): Promise<StatisticsRow[]> {
  if (params.subjects.length === 0) return [];
  const subjects = sql.join(
    params.subjects.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with picked as (
      select channel_id, subject from ${sendStatistics}
      where channel_id = ${params.channelId} and subject in (${subjects}) and (locked_until is null or locked_until < now())
      for update skip locked
    )
    update ${sendStatistics} st set locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval, attempts = st.attempts + 1
    from picked where st.channel_id = picked.channel_id and st.subject = picked.subject
    returning st.subject`);
  const picked = (result as unknown as { rows: Array<{ subject: string }> }).rows.map((r) => r.subject);
  if (picked.length === 0) return [];
  return db
    .select()
    .from(sendStatistics)
    .where(and(eq(sendStatistics.channelId, params.channelId), inArray(sendStatistics.subject, picked)));
}
