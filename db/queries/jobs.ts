import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { jobs, projections } from "../schema/jobs";
/**
 * The NOTIFY channel that wakes every instance's background runner: a job was queued, or a send stored,
 * on any instance.
 */
export const JOBS_CHANNEL = "oa_jobs";

export type JobRow = typeof jobs.$inferSelect;

/**
 * Queue a job, once per (kind, key): enqueueing an existing key does nothing, unless `reschedule` asks
 * to run it again (for recurring work such as a daily follower sync), which revives a finished job.
 */
export async function enqueueJob(db: Db, params: { kind: string; key: string; payload?: unknown; runAt?: Date; maxAttempts?: number; reschedule?: boolean }) {
  const values = {
    id: randomUUID(),
    kind: params.kind,
    key: params.key,
    payload: params.payload ?? {},
    runAt: params.runAt ?? new Date(),
    maxAttempts: params.maxAttempts ?? 8,
  };
  const insert = db.insert(jobs).values(values);
  const rows = params.reschedule
    ? await insert
        .onConflictDoUpdate({
          target: [jobs.kind, jobs.key],
          set: { runAt: values.runAt, payload: values.payload, doneAt: null, failedAt: null, attempts: 0, lastError: null },
          // A job that is pending or running already will run; only finished ones are revived.
          setWhere: sql`${jobs.doneAt} is not null or ${jobs.failedAt} is not null`,
        })
        .returning({ id: jobs.id })
    : await insert.onConflictDoNothing().returning({ id: jobs.id });
  if (rows.length) await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'job')`);
  return rows.length > 0;
}

/** Lease due jobs of the given kinds (SKIP LOCKED: never the same job on two instances). */
export async function claimJobs(db: Db, params: { kinds: string[]; worker: string; limit: number; leaseMs: number }): Promise<JobRow[]> {
  if (params.limit <= 0 || params.kinds.length === 0) return [];
  const result = await db.execute(sql`
    with due as (
      select id from ${jobs}
      where done_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until < now())
        and kind in (${sql.join(
          params.kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
      order by run_at limit ${params.limit}
      for update skip locked
    )
    update ${jobs} j set locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval, locked_by = ${params.worker}, attempts = j.attempts + 1
    from due where j.id = due.id
    returning j.id`);
  const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (!ids.length) return [];
  return db
    .select()
    .from(jobs)
    .where(
      sql`${jobs.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
}

export async function completeJob(db: Db, params: { id: string; worker: string }) {
  await db
    .update(jobs)
    .set({ doneAt: new Date(), lockedUntil: null, lockedBy: null, lastError: null })
    .where(and(eq(jobs.id, params.id), eq(jobs.lockedBy, params.worker)));
}

/** Run again later: after an error (counted), or because the thing is not ready yet (uncounted). */
export async function rescheduleJob(db: Db, params: { id: string; worker: string; runAt: Date; error?: string; uncount?: boolean; payload?: unknown }) {
  await db
    .update(jobs)
    .set({
      runAt: params.runAt,
      lockedUntil: null,
      lockedBy: null,
      lastError: params.error ?? null,
      ...(params.uncount ? { attempts: sql`${jobs.attempts} - 1` } : {}),
      ...(params.payload !== undefined ? { payload: params.payload } : {}),
    })
    .where(and(eq(jobs.id, params.id), eq(jobs.lockedBy, params.worker)));
}

export async function failJob(db: Db, params: { id: string; worker: string; error: string }) {
  await db
    .update(jobs)
    .set({ failedAt: new Date(), lockedUntil: null, lockedBy: null, lastError: params.error })
    .where(and(eq(jobs.id, params.id), eq(jobs.lockedBy, params.worker)));
}

export async function getProjectionPosition(db: Db, params: { name: string }): Promise<number> {
  const [row] = await db.select({ last: projections.lastEventId }).from(projections).where(eq(projections.name, params.name));
  return row?.last ?? 0;
}

export async function setProjectionPosition(db: Db, params: { name: string; lastEventId: number }) {
  await db
    .insert(projections)
    .values({ name: params.name, lastEventId: params.lastEventId })
    .onConflictDoUpdate({ target: projections.name, set: { lastEventId: params.lastEventId, updatedAt: new Date() } });
}

/**
 * Move a projection from `from` to `to`, only if it is still at `from` (compare and set). False when
 * another instance moved it meanwhile.
 */
export async function advanceProjection(db: Db, params: { name: string; from: number; to: number }): Promise<boolean> {
  const rows = await db
    .insert(projections)
    .values({ name: params.name, lastEventId: params.to })
    .onConflictDoUpdate({
      target: projections.name,
      set: { lastEventId: params.to, updatedAt: new Date() },
      setWhere: eq(projections.lastEventId, params.from),
    })
    .returning({ name: projections.name });
  return rows.length === 1;
}

/**
 * Queue many jobs of one kind in one statement (the friends projection queues a batch's profile and
 * media fetches at once). Same rules as enqueueJob: once per key, `reschedule` revives finished ones.
 * Answers the keys that were queued or revived; NOTIFYs the job workers, in the same statement, when
 * there are any. The jobs travel as one JSON parameter (drizzle's values() takes five parameters a job,
 * and building such a statement for a few hundred jobs cost milliseconds of the web server's thread).
 */
export async function enqueueJobs(
  db: Db,
  params: { kind: string; jobs: Array<{ key: string; payload?: unknown }>; runAt?: Date; reschedule?: boolean; spacingMs?: number },
): Promise<string[]> {
  if (params.jobs.length === 0) return [];
  const start = (params.runAt ?? new Date()).getTime();
  // Spacing: job i comes due spacingMs after job i-1, so a big batch arrives at the pace its rate limit
  // allows instead of all at once (which would only make workers claim jobs that must wait anyway).
  const at = (i: number) => new Date(start + i * (params.spacingMs ?? 0)).toISOString();
  // One row per key: ON CONFLICT DO UPDATE refuses to touch a row twice in one statement.
  const seen = new Set<string>();
  const unique = params.jobs.filter((j) => !seen.has(j.key) && seen.add(j.key));
  const queued: string[] = [];
  for (let i = 0; i < unique.length; i += 5000) {
    const input = JSON.stringify(unique.slice(i, i + 5000).map((j, k) => ({ id: randomUUID(), key: j.key, payload: j.payload ?? {}, run_at: at(i + k) })));
    const onConflict = params.reschedule
      ? sql`on conflict (kind, key) do update set run_at = excluded.run_at, payload = excluded.payload, done_at = null,
          failed_at = null, attempts = 0, last_error = null
          where ${jobs.doneAt} is not null or ${jobs.failedAt} is not null`
      : sql`on conflict (kind, key) do nothing`;
    // PostgreSQL delivers identical notifications of one transaction once.
    const result = await db.execute(sql`
      with q as (
        insert into ${jobs} (id, kind, key, payload, run_at)
        select x.id, ${params.kind}, x.key, coalesce(x.payload, '{}'::jsonb), x.run_at
        from json_to_recordset(${input}::json) as x(id text, key text, payload jsonb, run_at timestamptz)
        ${onConflict}
        returning ${jobs.key}
      )
      select key, pg_notify(${JOBS_CHANNEL}, 'job') from q`);
    queued.push(...(result as unknown as { rows: Array<{ key: string }> }).rows.map((r) => r.key));
  }
  return queued;
}

/**
 * Run a job now, whatever its state, unless a worker holds it at this moment (an admin's "sync now").
 * Answers false when it is running already.
 */
export async function expediteJob(db: Db, params: { kind: string; key: string; payload?: unknown }): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({ id: randomUUID(), kind: params.kind, key: params.key, payload: params.payload ?? {}, runAt: new Date() })
    .onConflictDoUpdate({
      target: [jobs.kind, jobs.key],
      set: { runAt: sql`now()`, payload: sql`excluded.payload`, doneAt: null, failedAt: null, attempts: 0, lastError: null },
      setWhere: sql`${jobs.lockedUntil} is null or ${jobs.lockedUntil} < now()`,
    })
    .returning({ id: jobs.id });
  if (rows.length) await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'job')`);
  return rows.length > 0;
}

/**
 * Put a queued job at the front of its kind's queue (someone is waiting for it): workers claim the
 * earliest run_at first, so "now" would still leave it behind a backlog that is overdue. Leaves alone a
 * job that is done, failed or running. Answers whether it moved.
 */
export async function bringForwardJob(db: Db, params: { kind: string; key: string }): Promise<boolean> {
  const front = sql`(select least(now(), min(q.run_at)) - interval '1 millisecond' from ${jobs} q
    where q.kind = ${params.kind} and q.done_at is null and q.failed_at is null)`;
  const rows = await db
    .update(jobs)
    .set({ runAt: front })
    .where(
      and(
        eq(jobs.kind, params.kind),
        eq(jobs.key, params.key),
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
        sql`(${jobs.lockedUntil} is null or ${jobs.lockedUntil} < now())`,
      ),
    )
    .returning({ id: jobs.id });
  if (rows.length) await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'job')`);
  return rows.length > 0;
}

export async function getJob(db: Db, params: { kind: string; key: string }): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, params.kind), eq(jobs.key, params.key)));
  return row;
}
