import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { richMenuLinkBatches, richMenuLinkRuns } from "@/db/schema/rich-menus";
import { JOBS_CHANNEL } from "./jobs";
import { forgetRichMenuLinks, recordRichMenuLinks } from "./rich-menus";

export type LinkRunRow = typeof richMenuLinkRuns.$inferSelect;
export type LinkBatchRow = typeof richMenuLinkBatches.$inferSelect;

/** Store a run with its batches (the audience fixed now) in one transaction, and wake the workers. */
export async function insertLinkRun(db: Db, params: { run: typeof richMenuLinkRuns.$inferInsert; batches: string[][] }): Promise<LinkRunRow> {
  const run = await db.transaction(async (tx) => {
    const [made] = await tx.insert(richMenuLinkRuns).values(params.run).returning();
    for (let i = 0; i < params.batches.length; i += 50) {
      await tx
        .insert(richMenuLinkBatches)
        .values(params.batches.slice(i, i + 50).map((userIds, j) => ({ runId: made!.id, seq: i + j, channelId: made!.channelId, userIds })));
    }
    return made!;
  });
  await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'rich_menu_links')`);
  return run;
}

export async function getLinkRun(db: Db, params: { channelId: number; id: string }): Promise<LinkRunRow | undefined> {
  const [row] = await db
    .select()
    .from(richMenuLinkRuns)
    .where(and(eq(richMenuLinkRuns.channelId, params.channelId), eq(richMenuLinkRuns.id, params.id)));
  return row;
}

export async function listLinkRuns(db: Db, params: { channelId: number; richMenuId?: string; limit: number }): Promise<LinkRunRow[]> {
  const c = [eq(richMenuLinkRuns.channelId, params.channelId)];
  if (params.richMenuId) c.push(eq(richMenuLinkRuns.richMenuId, params.richMenuId));
  return db
    .select()
    .from(richMenuLinkRuns)
    .where(and(...c))
    .orderBy(desc(richMenuLinkRuns.createdAt), desc(richMenuLinkRuns.id))
    .limit(params.limit);
}

export interface ClaimedBatch {
  runId: string;
  seq: number;
  channelId: number;
  userIds: string[];
  attempts: number;
  action: "link" | "unlink";
  richMenuId: string | null;
}

/**
 * Lease up to `limit` due batches to this worker (FOR UPDATE SKIP LOCKED: two instances never take the
 * same one; the lease makes a batch whose worker died due again). Counts the attempt.
 */
export async function claimLinkBatches(db: Db, params: { worker: string; limit: number; leaseMs: number }): Promise<ClaimedBatch[]> {
  const result = await db.execute(sql`
    with due as (
      select b.run_id, b.seq from ${richMenuLinkBatches} b
      where b.status = 'pending' and b.next_attempt_at <= now() and (b.locked_until is null or b.locked_until < now())
      order by b.next_attempt_at limit ${params.limit}
      for update of b skip locked
    )
    update ${richMenuLinkBatches} b
    set locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval, locked_by = ${params.worker}, attempts = b.attempts + 1
    from due, ${richMenuLinkRuns} r
    where b.run_id = due.run_id and b.seq = due.seq and r.id = b.run_id
    returning b.run_id, b.seq, b.channel_id, b.user_ids, b.attempts, r.action, r.rich_menu_id`);
  const rows = (
    result as unknown as {
      rows: Array<{
        run_id: string;
        seq: number;
        channel_id: number;
        user_ids: string[];
        attempts: number;
        action: "link" | "unlink";
        rich_menu_id: string | null;
      }>;
    }
  ).rows;
  return rows.map((r) => ({
    runId: r.run_id,
    seq: Number(r.seq),
    channelId: Number(r.channel_id),
    userIds: r.user_ids,
    attempts: Number(r.attempts),
    action: r.action,
    richMenuId: r.rich_menu_id,
  }));
}

export type BatchOutcome =
  { status: "done"; lineRichMenuId: string | null } | { status: "retry"; nextAttemptInMs: number; error: unknown } | { status: "failed"; error: unknown };

/**
 * What became of a leased batch, written only while this worker still holds the lease, in one
 * transaction with the links it made and the run's counts; the run ends when no batch is pending.
 */
export async function finishLinkBatch(db: Db, params: { batch: ClaimedBatch; worker: string; outcome: BatchOutcome }): Promise<boolean> {
  const { batch, outcome } = params;
  return db.transaction(async (tx) => {
    const mine = and(eq(richMenuLinkBatches.runId, batch.runId), eq(richMenuLinkBatches.seq, batch.seq), eq(richMenuLinkBatches.lockedBy, params.worker));
    const unlock = { lockedBy: null, lockedUntil: null };
    let updated;
    if (outcome.status === "done") {
      updated = await tx
        .update(richMenuLinkBatches)
        .set({ ...unlock, status: "done", doneAt: sql`now()`, lastError: null })
        .where(mine)
        .returning({ seq: richMenuLinkBatches.seq });
    } else if (outcome.status === "retry") {
      updated = await tx
        .update(richMenuLinkBatches)
        .set({ ...unlock, lastError: outcome.error, nextAttemptAt: sql`now() + ${`${outcome.nextAttemptInMs} milliseconds`}::interval` })
        .where(mine)
        .returning({ seq: richMenuLinkBatches.seq });
    } else {
      updated = await tx
        .update(richMenuLinkBatches)
        .set({ ...unlock, status: "failed", lastError: outcome.error })
        .where(mine)
        .returning({ seq: richMenuLinkBatches.seq });
    }
    if (updated.length === 0) return false;
    if (outcome.status === "done") {
      if (batch.action === "link" && batch.richMenuId && outcome.lineRichMenuId) {
        await recordRichMenuLinks(tx, {
          channelId: batch.channelId,
          userIds: batch.userIds,
          richMenuId: batch.richMenuId,
          lineRichMenuId: outcome.lineRichMenuId,
          runId: batch.runId,
        });
      } else if (batch.action === "unlink") {
        await forgetRichMenuLinks(tx, { channelId: batch.channelId, userIds: batch.userIds });
      }
    }
    if (outcome.status !== "retry") await settleRun(tx, { runId: batch.runId, error: outcome.status === "failed" ? outcome.error : undefined });
    return true;
  });
}

/** Put a failed run's failed batches back in the queue (their friends are the ones fixed at creation). */
export async function requeueFailedBatches(db: Db, params: { channelId: number; runId: string }): Promise<number> {
  const n = await db.transaction(async (tx) => {
    const batches = await tx
      .update(richMenuLinkBatches)
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, lockedBy: null, lockedUntil: null })
      .where(and(eq(richMenuLinkBatches.channelId, params.channelId), eq(richMenuLinkBatches.runId, params.runId), eq(richMenuLinkBatches.status, "failed")))
      .returning({ seq: richMenuLinkBatches.seq });
    if (batches.length) await settleRun(tx, { runId: params.runId });
    return batches.length;
  });
  if (n) await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'rich_menu_links')`);
  return n;
}

/** The batches of a run (tests, and the progress of a failing one). */
export async function listLinkBatches(db: Db, params: { runId: string }): Promise<LinkBatchRow[]> {
  return db.select().from(richMenuLinkBatches).where(eq(richMenuLinkBatches.runId, params.runId)).orderBy(richMenuLinkBatches.seq);
}

// A run's counts and status from its batches: running while any is pending; then done, or failed when
// one failed (Resume re-queues those).
async function settleRun(db: Db, params: { runId: string; error?: unknown }) {
  // The run's row first: finishes of one run's batches on other connections then settle one after the
  // other, and the count below (a statement of its own, so a snapshot of its own under READ COMMITTED)
  // sees every batch committed before it. Counted in the update itself, two finishing at once each
  // missed the other's batch and left the run "running" short of its last batch.
  await db.execute(sql`select id from ${richMenuLinkRuns} where id = ${params.runId} for update`);
  await db.execute(sql`
    update ${richMenuLinkRuns} r set
      done_count = s.done, failed_count = s.failed,
      status = case when s.pending > 0 then 'running' when s.failed > 0 then 'failed' else 'done' end,
      finished_at = case when s.pending > 0 then null else now() end,
      error = case when s.failed > 0 then coalesce(${params.error === undefined ? null : JSON.stringify(params.error)}::jsonb, r.error) else null end
    from (
      select
        coalesce(sum(cardinality(user_ids)) filter (where status = 'done'), 0)::int as done,
        coalesce(sum(cardinality(user_ids)) filter (where status = 'failed'), 0)::int as failed,
        count(*) filter (where status = 'pending') as pending
      from ${richMenuLinkBatches} where run_id = ${params.runId}
    ) s
    where r.id = ${params.runId}`);
}
