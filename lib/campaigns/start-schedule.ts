import type { messagingApi } from "@line/bot-sdk";
import type { Db } from "@/db/client";
import { finishScheduleStart, type NewSchedule, type ScheduleRow } from "@/db/queries/schedules";
import { findSendByClientKey } from "@/db/queries/sends";
import type { SendRow } from "@/db/schema/sends";
import { assertChannelSends } from "@/lib/channel/credentials";
import type { ClientsFor } from "@/lib/line/clients";
import { messageQuota } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import { recordAudit } from "@/lib/platform/audit";
import { HttpError } from "@/lib/platform/http/errors";
import { resolveSegmentRecipients } from "@/lib/segments/segment-recipients";
import { broadcastReach } from "@/lib/sends/broadcast-reach";
import { createSend } from "@/lib/sends/create-send";
import type { Recipient } from "@/lib/sends/narrowcast-schema";
import type { NarrowcastBody, SendBody } from "@/lib/sends/send-schemas";
import { nextOccurrence } from "./recurrence";
import { scheduledBody } from "./schedule-send";
import { LATE_AFTER_MS } from "./serialize-schedule";
import { actorOfAuthor } from "@/lib/sends/author";

// Starting a scheduled send: check it again as it is now (the channel, its draft or segment, the month's
// quota, its audiences, LINE's own validation), then store the send — whose client key is the schedule's
// and the occurrence's, so a start repeated after a crash finds the send made and never sends twice —
// and move the schedule on: started, the next occurrence, or finished.

/** A LINE call made to check a start may not hold the schedule's lease for long. */
const CHECK_TIMEOUT_MS = 10_000;
/** After a passing failure (LINE unreachable), the start is tried again this much later. */
const RETRY_AFTER_MS = 5_000;

export interface StartContext {
  db: Db;
  clients: ClientsFor;
  /** The lease holder: a scheduler instance, or a person confirming. */
  worker: string;
  /** What a batch of starts asks LINE once (the quota, a validation, an audience). */
  checks: StartChecks;
  /** The clock the next occurrence is counted from (tests move it). */
  now?: () => number;
}

export type StartResult = { outcome: "started" | "failed" | "retry"; schedule: ScheduleRow | undefined; error?: HttpError };

/** Start one schedule this worker holds. Never throws: what happened is written to the schedule. */
export async function startSchedule(ctx: StartContext, s: ScheduleRow): Promise<StartResult> {
  const clientKey = `schedule:${s.id}:${s.runAt.getTime()}`;
  let send: SendRow | undefined;
  try {
    // Made already by a start that died before recording it: recorded now, not checked (nor sent) again.
    send = await findSendByClientKey(ctx.db, { channelId: s.channelId, clientKey });
    if (!send) {
      const prepared = await prepare(ctx, s);
      ({ send } = await createSend(ctx.db, { ...prepared, body: { ...prepared.body, retryKey: clientKey }, scheduleId: s.id, campaignId: s.campaignId }));
    }
  } catch (err) {
    return failed(ctx, s, err);
  }
  // Stored as an integer (ms): a start confirmed weeks late is recorded as at most ~24 days late.
  const lateMs = Math.min(2 ** 31 - 1, Math.max(0, send.createdAt.getTime() - s.runAt.getTime()));
  const row = await finishScheduleStart(ctx.db, {
    id: s.id,
    worker: ctx.worker,
    set: {
      ...moveOn(s, "started", ctx.now?.()),
      lastSendId: send.id,
      lastStartedAt: send.createdAt,
      lastLateMs: lateMs,
      runCount: s.runCount + 1,
      error: null,
    },
  });
  // Audited once, by whoever recorded the start (an instance whose lease was taken over records nothing).
  if (row) {
    await recordAudit(ctx.db, {
      actor: SCHEDULER,
      ip: null,
      action: "schedule.started",
      target: s.id,
      channelId: s.channelId,
      details: { sendId: send.id, kind: s.kind, runAt: s.runAt.toISOString(), late: lateMs > LATE_AFTER_MS, lateMs, author: s.authorLabel, by: ctx.worker },
    });
  }
  return { outcome: "started", schedule: row };
}

/** How a batch shares what it asks LINE: one quota per channel (counted down), one answer per check. */
export function startChecks(clients: ClientsFor) {
  const quotas = new Map<number, Promise<{ remaining: number | null }>>();
  const asked = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, call: () => Promise<T>) => {
    let p = asked.get(key) as Promise<T> | undefined;
    if (!p) asked.set(key, (p = askLine(() => withTimeout(call()))));
    return p;
  };
  return {
    /** Take `count` messages from the month's quota as LINE tells it; refuse a send that does not fit. */
    async takeQuota(channelId: number, count: number) {
      let q = quotas.get(channelId);
      if (!q) quotas.set(channelId, (q = askLine(() => withTimeout(messageQuota({ channelId, clients })))));
      const quota = await q;
      if (quota.remaining !== null && count > quota.remaining) {
        throw new HttpError(409, "quota_exceeded", `This send needs ${count} messages; ${quota.remaining} remain in this month's quota`);
      }
      if (quota.remaining !== null) quota.remaining -= count;
    },
    validate(channelId: number, kind: ScheduleRow["kind"], messages: unknown[]) {
      return once(`validate:${channelId}:${kind}:${JSON.stringify(messages)}`, async () => {
        const { api } = await clients(channelId);
        const body = { messages: messages as messagingApi.Message[] };
        const validators = { push: api.validatePush, multicast: api.validateMulticast, broadcast: api.validateBroadcast, narrowcast: api.validateNarrowcast };
        return validators[kind].call(api, body);
      });
    },
    audienceStatus(channelId: number, audienceGroupId: number) {
      return once(`audience:${channelId}:${audienceGroupId}`, async () => {
        const res = await (await clients(channelId)).audience.getAudienceData(audienceGroupId);
        return res.audienceGroup?.status ?? "UNKNOWN";
      });
    },
  };
}
export type StartChecks = ReturnType<typeof startChecks>;

/** Leave a start to a person: it is later than the grace allows. */
export async function askPerson(ctx: Pick<StartContext, "db" | "worker">, s: ScheduleRow, lateMs: number) {
  const row = await finishScheduleStart(ctx.db, {
    id: s.id,
    worker: ctx.worker,
    set: {
      status: "needs_confirmation",
      error: { code: "schedule_missed", message: `The console was not running at its time; it is ${Math.round(lateMs / 60_000)} minutes late`, lateMs },
    },
  });
  if (row)
    await recordAudit(ctx.db, {
      actor: SCHEDULER,
      ip: null,
      action: "schedule.missed",
      target: s.id,
      channelId: s.channelId,
      details: { runAt: s.runAt.toISOString(), lateMs },
    });
  return row;
}

/** Where a schedule goes after this occurrence (started or not): the next occurrence, or its end. */
export function moveOn(s: ScheduleRow, ended: "started" | "failed" | "cancelled", now = Date.now()): Partial<NewSchedule> {
  if (s.repeat === "none") return { status: ended };
  const after = new Date(Math.max(s.runAt.getTime(), now));
  const next = nextOccurrence({ anchor: s.anchorAt ?? s.runAt, repeat: s.repeat, timeZone: s.timeZone, after });
  if (s.repeatUntil && next.getTime() > s.repeatUntil.getTime()) return { status: "finished" };
  return { status: "scheduled", runAt: next };
}

export const SCHEDULER = { kind: "system", name: "scheduler" } as const;

async function prepare(ctx: StartContext, s: ScheduleRow) {
  const { db, checks } = ctx;
  const channelId = s.channelId;
  await assertChannelSends(db, channelId);
  const parsed = await scheduledBody(db, { channelId, kind: s.kind, request: s.request, draftId: s.draftId });
  const { body, segment } = await resolveSegmentRecipients(db, channelId, parsed);
  const count = s.kind === "push" ? 1 : s.kind === "multicast" ? ((body as { to?: string[] }).to?.length ?? 0) : null;
  if (s.kind === "narrowcast") {
    for (const id of audienceIds((body as NarrowcastBody).recipient)) {
      const status = await checks.audienceStatus(channelId, id);
      if (status !== "READY") throw new HttpError(409, "audience_not_ready", `Audience ${id} is ${String(status).toLowerCase()}, not ready`);
    }
  }
  await checks.validate(channelId, s.kind, body.messages);
  if (count !== null) await checks.takeQuota(channelId, count);
  const estimatedRecipients = s.kind === "broadcast" ? (await broadcastReach(db, { channelId, clients: ctx.clients })).estimate : null;
  return { channelId, kind: s.kind, body: body as SendBody, actor: actorOfAuthor(s), segment, estimatedRecipients, sourceDraftId: s.draftId ?? undefined };
}

async function failed(ctx: StartContext, s: ScheduleRow, err: unknown): Promise<StartResult> {
  const error = err instanceof HttpError ? err : new HttpError(502, "start_failed", (err as Error)?.message ?? String(err));
  const recorded = { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}), at: new Date().toISOString() };
  // LINE unreachable or busy, or our own database hiccup: the same occurrence is tried again shortly
  // (until the grace runs out, when a person is asked).
  if (!(err instanceof HttpError) || error.status === 502 || error.status === 429) {
    const row = await finishScheduleStart(ctx.db, {
      id: s.id,
      worker: ctx.worker,
      set: { error: { ...recorded, retrying: true }, lockedUntil: new Date(Date.now() + RETRY_AFTER_MS) },
    });
    return { outcome: "retry", schedule: row, error };
  }
  const row = await finishScheduleStart(ctx.db, { id: s.id, worker: ctx.worker, set: { ...moveOn(s, "failed", ctx.now?.()), error: recorded } });
  if (row) {
    await recordAudit(ctx.db, {
      actor: SCHEDULER,
      ip: null,
      action: "schedule.failed",
      target: s.id,
      channelId: s.channelId,
      details: { runAt: s.runAt.toISOString(), code: error.code, message: error.message },
    });
  }
  return { outcome: "failed", schedule: row, error };
}

function audienceIds(r: Recipient | undefined): number[] {
  if (!r) return [];
  if (r.type === "audience") return [r.audienceGroupId];
  if (r.type === "redelivery") return [];
  return [...(r.and ?? []), ...(r.or ?? []), ...(r.not ? [r.not] : [])].flatMap(audienceIds);
}

async function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`LINE did not answer within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
