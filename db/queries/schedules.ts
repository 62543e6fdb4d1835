import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { schedules, SCHEDULE_STATUSES } from "@/db/schema/campaigns";
import { JOBS_CHANNEL } from "./jobs";

export type ScheduleRow = typeof schedules.$inferSelect;
export type NewSchedule = typeof schedules.$inferInsert;
type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** What a person may still change or cancel: not started, not being started this moment. */
const EDITABLE: ScheduleStatus[] = ["scheduled", "needs_confirmation"];

/** Store a schedule and wake every instance's scheduler (it re-arms its timer for the new time). */
export async function insertSchedule(db: Db, row: NewSchedule): Promise<ScheduleRow> {
  const [created] = await db.insert(schedules).values(row).returning();
  await notifySchedulers(db);
  return created!;
}

export async function getSchedule(db: Db, params: { channelId: number; id: string }): Promise<ScheduleRow | undefined> {
  const [row] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.channelId, params.channelId), eq(schedules.id, params.id)));
  return row;
}

export interface ListSchedulesParams {
  channelId: number;
  /** upcoming: waiting or asking a person, soonest first; past: the rest, latest first; all: latest first. */
  status: "upcoming" | "past" | "all";
  limit: number;
  cursor?: { runAt: Date; id: string };
}

export async function listSchedules(db: Db, params: ListSchedulesParams) {
  const upcoming = params.status === "upcoming";
  const c: SQL[] = [eq(schedules.channelId, params.channelId)];
  if (upcoming) c.push(inArray(schedules.status, EDITABLE));
  if (params.status === "past") c.push(sql`${schedules.status} not in ('scheduled', 'needs_confirmation')`);
  if (params.cursor) {
    const at = sql`(${params.cursor.runAt.toISOString()}::timestamptz, ${params.cursor.id})`;
    c.push(upcoming ? sql`(${schedules.runAt}, ${schedules.id}) > ${at}` : sql`(${schedules.runAt}, ${schedules.id}) < ${at}`);
  }
  // Both orders run along schedules_channel_run_idx (declared ascending: a backward scan serves DESC).
  const rows = await db
    .select()
    .from(schedules)
    .where(and(...c))
    .orderBy(...(upcoming ? [asc(schedules.runAt), asc(schedules.id)] : [desc(schedules.runAt), desc(schedules.id)]))
    .limit(params.limit + 1);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

export type EditOutcome = { ok: true; row: ScheduleRow } | { ok: false; reason: "not_found" | "changed" | "started" };

/**
 * Change a schedule that is still waiting (or in one of `from`), if nobody changed it since `version`
 * (when given; bumped here) and no scheduler holds it (it is being started). Tells apart why not: gone,
 * changed meanwhile, or started (or cancelled).
 */
export async function updateScheduleIfCurrent(
  db: Db,
  params: { channelId: number; id: string; version?: number; from?: ScheduleStatus[]; set: Partial<NewSchedule> },
): Promise<EditOutcome> {
  const from = params.from ?? EDITABLE;
  const c: SQL[] = [eq(schedules.channelId, params.channelId), eq(schedules.id, params.id), inArray(schedules.status, from), isNull(schedules.lockedBy)];
  if (params.version !== undefined) c.push(eq(schedules.version, params.version));
  const [row] = await db
    .update(schedules)
    .set({ ...params.set, version: sql`${schedules.version} + 1`, updatedAt: sql`now()` })
    .where(and(...c))
    .returning();
  if (row) {
    await notifySchedulers(db);
    return { ok: true, row };
  }
  const now = await getSchedule(db, params);
  if (!now) return { ok: false, reason: "not_found" };
  if (!from.includes(now.status) || now.lockedBy !== null) return { ok: false, reason: "started" };
  return { ok: false, reason: "changed" };
}

/** Any schedule due a start that no other instance is starting (or whose lease ran out), and the next one to come. */
export async function scheduleQueue(db: Db): Promise<{ due: boolean; nextInMs: number | null }> {
  const result = await db.execute(sql`
    select
      exists (select 1 from ${schedules} where status = 'scheduled' and run_at <= now() and (locked_until is null or locked_until < now())) as due,
      (select extract(epoch from min(run_at) - now()) * 1000 from ${schedules} where status = 'scheduled' and run_at > now()) as next_ms`);
  const row = (result as unknown as { rows: Array<{ due: boolean; next_ms: string | number | null }> }).rows[0];
  return { due: Boolean(row?.due), nextInMs: row?.next_ms == null ? null : Number(row.next_ms) };
}

export interface ClaimedSchedule extends ScheduleRow {
  /** How late this start is (database clock), ms after run_at. */
  lateMs: number;
}

/**
 * Lease up to `limit` due schedules to this scheduler (FOR UPDATE SKIP LOCKED: two instances never take
 * the same one). A lease that runs out (the instance died mid-start) makes the schedule due again; the
 * send's client key then finds the send already made, so nothing goes out twice.
 */
export async function claimDueSchedules(db: Db, params: { worker: string; limit: number; leaseMs: number }): Promise<ClaimedSchedule[]> {
  const result = await db.execute(sql`
    with due as (
      select id from ${schedules}
      where status = 'scheduled' and run_at <= now() and (locked_until is null or locked_until < now())
      order by run_at limit ${params.limit}
      for update skip locked
    )
    update ${schedules} s set locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval, locked_by = ${params.worker}
    from due where s.id = due.id
    returning s.id, (extract(epoch from now() - s.run_at) * 1000)::float8 as late_ms`);
  const claimed = (result as unknown as { rows: Array<{ id: string; late_ms: number | string }> }).rows;
  if (claimed.length === 0) return [];
  const lateById = new Map(claimed.map((r) => [r.id, Math.max(0, Math.round(Number(r.late_ms)))]));
  const rows = await db
    .select()
    .from(schedules)
    .where(inArray(schedules.id, [...lateById.keys()]))
    .orderBy(asc(schedules.runAt));
  return rows.map((r) => ({ ...r, lateMs: lateById.get(r.id)! }));
}

/**
 * What became of a start this scheduler leased: written only while it still holds the lease (an
 * instance whose lease ran out and was taken over writes nothing). Answers whether it was written.
 */
export async function finishScheduleStart(db: Db, params: { id: string; worker: string; set: Partial<NewSchedule> }): Promise<ScheduleRow | undefined> {
  const [row] = await db
    .update(schedules)
    .set({ ...params.set, lockedUntil: params.set.lockedUntil ?? null, lockedBy: null, updatedAt: sql`now()` })
    .where(and(eq(schedules.id, params.id), eq(schedules.lockedBy, params.worker)))
    .returning();
  return row;
}

/**
 * A person's decision on a schedule: take it (as a scheduler would) if it is in one of `from` and at
 * `version` when given; the caller then starts it or lets it go with finishScheduleStart.
 */
export async function takeSchedule(
  db: Db,
  params: { channelId: number; id: string; worker: string; from: ScheduleStatus[]; leaseMs: number; version?: number },
): Promise<ScheduleRow | undefined> {
  const c: SQL[] = [eq(schedules.channelId, params.channelId), eq(schedules.id, params.id), inArray(schedules.status, params.from), isNull(schedules.lockedBy)];
  if (params.version !== undefined) c.push(eq(schedules.version, params.version));
  const [row] = await db
    .update(schedules)
    .set({ lockedBy: params.worker, lockedUntil: sql`now() + ${`${params.leaseMs} milliseconds`}::interval` })
    .where(and(...c))
    .returning();
  return row;
}

// The runners of every instance listen on this channel; their schedulers then re-arm for the soonest start.
async function notifySchedulers(db: Db) {
  await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, 'schedule')`);
}
