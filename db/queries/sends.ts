import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns } from "@/db/schema/campaigns";
import { sendAttempts, sendChunks, sends, type ChunkRow, type SendRow } from "@/db/schema/sends";
import { JOBS_CHANNEL } from "./jobs";
import { statisticsDueForChunks } from "./send-statistics";

export class SendConflictError extends Error {
  constructor() {
    super("A send for this already exists");
    this.name = "SendConflictError";
  }
}

export type NewSend = typeof sends.$inferInsert;
export type NewChunk = Omit<typeof sendChunks.$inferInsert, "sendId">;

/**
 * Store a send and all its LINE requests (with their retry keys) in one transaction, before anything is
 * sent, and wake the workers. A repeated client key returns the send already stored for it (and creates
 * no campaign). `campaign`: a campaign made for this send, stored with it; `campaignUnit`: the aggregation
 * unit an existing campaign takes with this send.
 */
export async function insertSend(
  db: Db,
  params: {
    send: NewSend;
    chunks: NewChunk[];
    campaign?: typeof campaigns.$inferInsert;
    campaignUnit?: { id: string; unit: string; month: string };
  },
): Promise<{ send: SendRow; created: boolean }> {
  const { send, chunks } = params;
  if (send.clientKey) {
    const existing = await findSendByClientKey(db, { channelId: send.channelId, clientKey: send.clientKey });
    if (existing) return { send: existing, created: false };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(sends).values(send).onConflictDoNothing().returning();
    if (!row) {
      // Lost a race with the same client key, or a second reply to one event.
      const existing = send.clientKey ? await findSendByClientKey(tx, { channelId: send.channelId, clientKey: send.clientKey }) : undefined;
      if (!existing) throw new SendConflictError();
      return { send: existing, created: false };
    }
    if (params.campaign) await tx.insert(campaigns).values(params.campaign);
    if (params.campaignUnit) {
      const u = params.campaignUnit;
      // Two sends of one campaign at once take the same unit (it is derived from the campaign's id).
      await tx
        .update(campaigns)
        .set({ aggregationUnit: sql`coalesce(${campaigns.aggregationUnit}, ${u.unit})`, unitMonth: u.month, updatedAt: new Date() })
        .where(eq(campaigns.id, u.id));
    }
    for (let i = 0; i < chunks.length; i += 500) {
      await tx.insert(sendChunks).values(chunks.slice(i, i + 500).map((c) => ({ ...c, sendId: row.id })));
    }
    await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'send')`);
    return { send: row, created: true };
  });
}

/** The send stored for a caller's idempotency key (retryKey), if any. */
export async function findSendByClientKey(db: Db, params: { channelId: number; clientKey: string }) {
  const [row] = await db
    .select()
    .from(sends)
    .where(and(eq(sends.channelId, params.channelId), eq(sends.clientKey, params.clientKey)));
  return row;
}

export interface ClaimedChunk extends ChunkRow {
  kind: SendRow["kind"];
  request: SendRow["request"];
  channelId: number;
  campaignId: string | null;
  aggregationUnit: string | null;
}

/**
 * Lease up to `limit` due requests to this worker (FOR UPDATE SKIP LOCKED: two instances never take the
 * same one). A lease that runs out (the worker died mid-request) makes the request due again, and it is
 * repeated with the same retry key. The attempt is counted here, before the call.
 */
export async function claimDueChunks(db: Db, params: { worker: string; limit: number; leaseMs: number; kinds?: SendRow["kind"][] }): Promise<ClaimedChunk[]> {
  if (params.limit <= 0) return [];
  const kindFilter = params.kinds?.length
    ? sql`and s.kind in (${sql.join(
        params.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`
    with due as (
      select c.id from ${sendChunks} c join ${sends} s on s.id = c.send_id
      where c.status = 'pending' and c.next_attempt_at <= now()
        and (c.locked_until is null or c.locked_until < now()) ${kindFilter}
      order by c.next_attempt_at, c.seq
      limit ${params.limit}
      for update of c skip locked
    )
    update ${sendChunks} c set
      locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval,
      locked_by = ${params.worker},
      attempts = c.attempts + 1,
      first_attempt_at = coalesce(c.first_attempt_at, now()),
      updated_at = now()
    from due where c.id = due.id
    returning c.id`);
  const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      chunk: sendChunks,
      kind: sends.kind,
      request: sends.request,
      channelId: sends.channelId,
      campaignId: sends.campaignId,
      aggregationUnit: sends.aggregationUnit,
    })
    .from(sendChunks)
    .innerJoin(sends, eq(sends.id, sendChunks.sendId))
    .where(inArray(sendChunks.id, ids))
    .orderBy(asc(sendChunks.seq));
  return rows.map((r) => ({
    ...r.chunk,
    kind: r.kind,
    request: r.request,
    channelId: r.channelId,
    campaignId: r.campaignId,
    aggregationUnit: r.aggregationUnit,
  }));
}

export type ChunkResult =
  | { status: "accepted"; lineRequestId: string | null; acceptedRequestId: string | null; sentMessages: unknown }
  | { status: "pending"; nextAttemptAt: Date; lastError: unknown; uncountAttempt?: boolean }
  | { status: "failed"; lastError: unknown };

export interface ChunkFinish {
  chunkId: string;
  result: ChunkResult;
  attempt?: typeof sendAttempts.$inferInsert;
  /** An attempt made just before `attempt` in the same turn (LINE refused the aggregation unit). */
  refusedAttempt?: typeof sendAttempts.$inferInsert;
}

/**
 * Record what happened to leased requests — only those this worker still holds — in one transaction:
 * the requests, their attempts, and the status of each send they belong to. Workers finish in batches
 * (a multicast of 100,000 is 200 requests finishing within a second or two).
 */
export async function finishChunks(db: Db, params: { worker: string; items: ChunkFinish[] }) {
  if (params.items.length === 0) return [];
  const rows = JSON.stringify(
    params.items.map(({ chunkId, result: r }) => ({
      id: chunkId,
      status: r.status,
      next_attempt_at: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
      uncount: r.status === "pending" && !!r.uncountAttempt,
      line_request_id: r.status === "accepted" ? r.lineRequestId : null,
      accepted_request_id: r.status === "accepted" ? r.acceptedRequestId : null,
      sent_messages: r.status === "accepted" ? (r.sentMessages ?? null) : null,
      last_error: r.status === "accepted" ? null : (r.lastError ?? null),
    })),
  );
  return db.transaction(async (tx) => {
    // Lock the sends first, in one order (no deadlock between two instances): their status is derived
    // from all their requests, and requests finishing at once on several connections must not race.
    const locked = await tx.execute(sql`
      select id from ${sends} where id in (select distinct send_id from ${sendChunks} where id in (select value::text from json_array_elements_text(${JSON.stringify(params.items.map((i) => i.chunkId))}::json)))
      order by id for update`);
    const sendIds = (locked as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
    const updated = await tx.execute(sql`
      update ${sendChunks} c set
        status = v.status,
        next_attempt_at = coalesce(v.next_attempt_at, c.next_attempt_at),
        attempts = c.attempts - (case when v.uncount then 1 else 0 end),
        line_request_id = coalesce(v.line_request_id, c.line_request_id),
        accepted_request_id = coalesce(v.accepted_request_id, c.accepted_request_id),
        sent_messages = coalesce(v.sent_messages, c.sent_messages),
        last_error = case when v.status = 'accepted' then null else coalesce(v.last_error, c.last_error) end,
        locked_until = null, locked_by = null, updated_at = now()
      from json_to_recordset(${rows}::json) as v(id text, status text, next_attempt_at timestamptz, uncount boolean,
        line_request_id text, accepted_request_id text, sent_messages jsonb, last_error jsonb)
      where c.id = v.id and c.locked_by = ${params.worker}
      returning c.id`);
    const done = new Set((updated as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id));
    const attempts = params.items
      .filter((i) => i.attempt && done.has(i.chunkId))
      .flatMap((i) => (i.refusedAttempt ? [i.refusedAttempt, i.attempt!] : [i.attempt!]));
    if (attempts.length) await tx.insert(sendAttempts).values(attempts);
    for (const sendId of sendIds) await refreshSendStatus(tx, { sendId });
    // LINE's statistics of what was just accepted become due (in this transaction: never one without the other).
    await statisticsDueForChunks(tx, { chunkIds: params.items.filter((i) => i.result.status === "accepted" && done.has(i.chunkId)).map((i) => i.chunkId) });
    return [...done];
  });
}

/** A send's status, derived from its requests: sending, sent, partially sent or failed. */
export async function refreshSendStatus(db: Db, params: { sendId: string }) {
  await db.execute(sql`
    update ${sends} s set
      status = case
        when agg.pending > 0 then 'sending'
        when agg.accepted = agg.total and s.kind = 'narrowcast' then 'sending'
        when agg.accepted = agg.total then 'sent'
        when agg.accepted = 0 then 'failed'
        else 'partially_sent' end,
      completed_at = case when agg.pending = 0 and not (agg.accepted = agg.total and s.kind = 'narrowcast') then now() else s.completed_at end,
      next_poll_at = case when s.kind = 'narrowcast' and agg.pending = 0 and agg.accepted = agg.total then coalesce(s.next_poll_at, now() + interval '1 second') else s.next_poll_at end,
      error = case when agg.failed > 0 then agg.error else s.error end
    from (
      select count(*) as total,
             count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'accepted') as accepted,
             count(*) filter (where status = 'failed') as failed,
             (array_agg(last_error order by seq) filter (where status = 'failed'))[1] as error
      from ${sendChunks} where send_id = ${params.sendId}
    ) agg
    where s.id = ${params.sendId} and s.status in ('queued', 'sending')`);
}

/** Narrowcasts LINE has accepted whose progress is due to be checked, leased to this worker. */
export async function claimDuePolls(db: Db, params: { limit: number; leaseMs: number }) {
  const result = await db.execute(sql`
    with due as (
      select id from ${sends}
      where next_poll_at is not null and next_poll_at <= now() and status = 'sending'
        and (poll_locked_until is null or poll_locked_until < now())
      order by next_poll_at limit ${params.limit}
      for update skip locked
    )
    update ${sends} s set poll_locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval
    from due where s.id = due.id
    returning s.id, s.channel_id as "channelId", s.created_at as "createdAt",
      (select coalesce(c.accepted_request_id, c.line_request_id) from ${sendChunks} c where c.send_id = s.id order by c.seq limit 1) as "requestId"`);
  return (result as unknown as { rows: Array<{ id: string; channelId: number; requestId: string | null; createdAt: string | Date }> }).rows;
}

export async function saveProgress(
  db: Db,
  params: {
    sendId: string;
    progress: Record<string, unknown>;
    final: "sent" | "failed" | null;
    nextPollAt: Date | null;
    recipientCount?: number | null;
    error?: unknown;
  },
) {
  await db
    .update(sends)
    .set({
      progress: params.progress,
      pollLockedUntil: null,
      nextPollAt: params.nextPollAt,
      ...(params.final ? { status: params.final, completedAt: new Date() } : {}),
      ...(params.recipientCount != null ? { recipientCount: params.recipientCount } : {}),
      ...(params.error !== undefined ? { error: params.error } : {}),
    })
    .where(eq(sends.id, params.sendId));
}

export interface ListSendsParams {
  channelId: number;
  limit: number;
  kind?: SendRow["kind"];
  status?: SendRow["status"];
  authorId?: string;
  from?: Date;
  to?: Date;
  includeTests?: boolean;
  cursor?: { createdAt: Date; id: string };
}

export async function listSends(db: Db, params: ListSendsParams) {
  const c: SQL[] = [eq(sends.channelId, params.channelId)];
  if (params.kind) c.push(eq(sends.kind, params.kind));
  if (params.status) c.push(eq(sends.status, params.status));
  if (params.authorId) c.push(eq(sends.authorId, params.authorId));
  if (params.from) c.push(sql`${sends.createdAt} >= ${params.from.toISOString()}::timestamptz`);
  if (params.to) c.push(sql`${sends.createdAt} <= ${params.to.toISOString()}::timestamptz`);
  if (!params.includeTests) c.push(eq(sends.isTest, false));
  if (params.cursor) c.push(sql`(${sends.createdAt}, ${sends.id}) < (${params.cursor.createdAt.toISOString()}::timestamptz, ${params.cursor.id})`);
  const rows = await db
    .select({
      ...getTableColumns(sends),
      // The history shows LINE's request ids; a multicast of many requests shows its first few.
      lineRequestIds: sql<
        string[] | null
      >`(select (array_agg(line_request_id order by seq))[1:5] from send_chunks where send_chunks.send_id = sends.id and line_request_id is not null)`,
    })
    .from(sends)
    .where(and(...c))
    .orderBy(desc(sends.createdAt), desc(sends.id))
    .limit(params.limit + 1);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

/**
 * The user ids a multicast went to, in the order they were sent (chunk by chunk); undefined when the send
 * is not this channel's. The send row keeps only their count: the ids live in its chunks.
 */
export async function getSendRecipients(db: Db, params: { channelId: number; id: string }) {
  const [send] = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.channelId, params.channelId), eq(sends.id, params.id)));
  if (!send) return undefined;
  const chunks = await db.select({ recipients: sendChunks.recipients }).from(sendChunks).where(eq(sendChunks.sendId, send.id)).orderBy(asc(sendChunks.seq));
  return chunks.flatMap((c) => c.recipients ?? []);
}

/**
 * How many an earlier send of this channel reached, by LINE's request id (a narrowcast's re-delivery goes
 * to them): request ids of another channel's sends count for nothing, as unknown ones do.
 */
export async function recipientsByRequestId(db: Db, params: { channelId: number; requestIds: string[] }): Promise<Map<string, number>> {
  if (params.requestIds.length === 0) return new Map();
  const rows = await db
    .select({ lineRequestId: sendChunks.lineRequestId, recipients: sends.recipientCount })
    .from(sendChunks)
    .innerJoin(sends, eq(sends.id, sendChunks.sendId))
    .where(and(eq(sends.channelId, params.channelId), inArray(sendChunks.lineRequestId, params.requestIds)));
  return new Map(rows.map((r) => [r.lineRequestId!, r.recipients ?? 0]));
}

export async function getSend(db: Db, params: { channelId: number; id: string }) {
  const [send] = await db
    .select()
    .from(sends)
    .where(and(eq(sends.channelId, params.channelId), eq(sends.id, params.id)));
  if (!send) return undefined;
  const chunks = await db
    .select({
      id: sendChunks.id,
      seq: sendChunks.seq,
      recipientCount: sql<number>`coalesce(cardinality(${sendChunks.recipients}), 0)`.mapWith(Number),
      status: sendChunks.status,
      attempts: sendChunks.attempts,
      nextAttemptAt: sendChunks.nextAttemptAt,
      lineRequestId: sendChunks.lineRequestId,
      acceptedRequestId: sendChunks.acceptedRequestId,
      sentMessages: sendChunks.sentMessages,
      lastError: sendChunks.lastError,
      retryKey: sendChunks.retryKey,
    })
    .from(sendChunks)
    .where(eq(sendChunks.sendId, send.id))
    .orderBy(asc(sendChunks.seq));
  const attempts = await db.select().from(sendAttempts).where(eq(sendAttempts.sendId, send.id)).orderBy(asc(sendAttempts.id)).limit(2000);
  // The first request's ids (at most 500), to show that request exactly as LINE got it.
  const [first] = await db
    .select({ recipients: sendChunks.recipients })
    .from(sendChunks)
    .where(and(eq(sendChunks.sendId, send.id), eq(sendChunks.seq, 0)));
  return { send, chunks, attempts, firstRecipients: first?.recipients ?? null };
}

/**
 * Replies LINE accepted between `since` and `until` (by when they were made): each was free where a
 * push would have counted against the month's quota.
 */
export async function countAcceptedReplies(db: Db, params: { channelId: number; since: Date; until: Date }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(sends)
    .where(
      and(
        eq(sends.channelId, params.channelId),
        eq(sends.kind, "reply"),
        sql`${sends.createdAt} >= ${params.since.toISOString()}::timestamptz`,
        sql`${sends.createdAt} < ${params.until.toISOString()}::timestamptz`,
        eq(sends.status, "sent"),
      ),
    );
  return row?.n ?? 0;
}
