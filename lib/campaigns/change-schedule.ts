import type { Db } from "@/db/client";
import { updateCampaign } from "@/db/queries/campaigns";
import { getSchedule, takeSchedule, updateScheduleIfCurrent, type EditOutcome, type NewSchedule, type ScheduleRow } from "@/db/queries/schedules";
import type { ClientsFor } from "@/lib/line/clients";
import type { ChannelLine } from "@/lib/line/insight";
import type { AuditAction } from "@/lib/platform/audit";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { resolveSegmentRecipients } from "@/lib/segments/segment-recipients";
import type { UpdateScheduleBody } from "./schedule-schemas";
import { scheduledBody } from "./schedule-send";
import { scheduleWarnings } from "./schedule-warnings";
import { moveOn, startChecks, startSchedule } from "./start-schedule";

// Changing a schedule until it starts: edit (naming the version edited), cancel, and a person's answer
// to one that started too late. Each is refused once a scheduler has it (409 schedule_started).

type Audit = (action: AuditAction, target?: string | null, details?: Record<string, unknown>) => Promise<void>;

export async function editSchedule(db: Db, params: { channelId: number; id: string; body: UpdateScheduleBody; line: ChannelLine; audit: Audit }) {
  const { channelId, id, body } = params;
  const current = await getSchedule(db, { channelId, id });
  if (!current) throw notFound("Schedule");
  const set: Partial<NewSchedule> = {};
  const changes: Record<string, unknown> = {};
  if (body.request !== undefined) {
    const send = await scheduledBody(db, { channelId, kind: current.kind, request: body.request, draftId: null });
    await resolveSegmentRecipients(db, channelId, send);
    Object.assign(set, { request: send, draftId: null });
    changes.request = { messages: send.messages.map((m) => m.type), ...(current.draftId ? { insteadOfDraft: current.draftId } : {}) };
  }
  if (body.runAt !== undefined && Date.parse(body.runAt) !== current.runAt.getTime()) {
    const runAt = new Date(body.runAt);
    // A new time starts a recurrence over from it; one asking for a person waits for the new time instead.
    Object.assign(set, { runAt, anchorAt: runAt, ...(current.status === "needs_confirmation" ? { status: "scheduled", error: null } : {}) });
    changes.runAt = { from: current.runAt.toISOString(), to: runAt.toISOString() };
  }
  for (const key of ["timeZone", "repeat", "title"] as const) {
    if (body[key] !== undefined && body[key] !== current[key]) {
      set[key] = body[key] as never;
      changes[key] = { from: current[key], to: body[key] };
    }
  }
  if (body.repeatUntil !== undefined && (body.repeatUntil === null ? null : Date.parse(body.repeatUntil)) !== (current.repeatUntil?.getTime() ?? null)) {
    set.repeatUntil = body.repeatUntil === null ? null : new Date(body.repeatUntil);
    changes.repeatUntil = { from: current.repeatUntil?.toISOString() ?? null, to: body.repeatUntil };
  }
  checkRepeat({ ...current, ...set } as ScheduleRow);
  if (Object.keys(changes).length === 0) {
    if (body.version !== current.version) throw outcomeError("changed");
    return { schedule: current, warnings: await scheduleWarnings(params.line, current.runAt) };
  }
  const row = rowOf(await updateScheduleIfCurrent(db, { channelId, id, version: body.version, set }));
  if (set.title !== undefined || set.repeat !== undefined) {
    await updateCampaign(db, {
      channelId,
      id: row.campaignId,
      name: set.title,
      kind: set.repeat === undefined ? undefined : set.repeat === "none" ? "single" : "recurring",
    });
  }
  await params.audit("schedule.changed", id, { title: row.title, changes });
  return { schedule: row, warnings: await scheduleWarnings(params.line, row.runAt) };
}

export async function cancelSchedule(db: Db, params: { channelId: number; id: string; audit: Audit }) {
  const row = rowOf(await updateScheduleIfCurrent(db, { ...params, set: { status: "cancelled" } }));
  await params.audit("schedule.cancelled", row.id, { title: row.title, runAt: row.runAt.toISOString() });
  return { schedule: row };
}

/**
 * A person's answer to a start that came too late: send it now, or not. A recurring schedule's "cancel"
 * skips the missed occurrence and keeps the later ones (POST …/cancel ends the whole schedule).
 */
export async function confirmSchedule(
  db: Db,
  params: { channelId: number; id: string; action: "send" | "cancel"; clients: ClientsFor; worker: string; audit: Audit },
) {
  const { channelId, id } = params;
  if (params.action === "cancel") {
    const current = await getSchedule(db, { channelId, id });
    if (!current) throw notFound("Schedule");
    const row = rowOf(
      await updateScheduleIfCurrent(db, { channelId, id, from: ["needs_confirmation"], set: { ...moveOn(current, "cancelled"), error: null } }),
    );
    await params.audit("schedule.confirmed", id, { action: "cancel", runAt: current.runAt.toISOString() });
    return { schedule: row };
  }
  const taken = await takeSchedule(db, { channelId, id, worker: params.worker, from: ["needs_confirmation"], leaseMs: 60_000 });
  if (!taken) {
    const current = await getSchedule(db, { channelId, id });
    if (!current) throw notFound("Schedule");
    throw new HttpError(409, "schedule_not_waiting", "This schedule is not waiting for a decision (it was decided, changed or started)");
  }
  await params.audit("schedule.confirmed", id, { action: "send", runAt: taken.runAt.toISOString() });
  const result = await startSchedule({ db, clients: params.clients, worker: params.worker, checks: startChecks(params.clients) }, taken);
  // LINE could not be asked: the schedule still waits for the decision; the caller learns why.
  if (result.outcome === "retry" && result.error) throw result.error;
  return { schedule: result.schedule ?? (await getSchedule(db, { channelId, id }))! };
}

function rowOf(outcome: EditOutcome): ScheduleRow {
  if (outcome.ok) return outcome.row;
  throw outcomeError(outcome.reason);
}

function outcomeError(reason: "not_found" | "changed" | "started"): HttpError {
  if (reason === "not_found") return notFound("Schedule");
  if (reason === "changed") return new HttpError(409, "schedule_changed", "Someone changed this schedule meanwhile: reload it and change it again");
  return new HttpError(409, "schedule_started", "This schedule has started, ended or been cancelled: it can no longer be changed");
}

function checkRepeat(s: ScheduleRow) {
  const bad = (message: string, key: string) => new HttpError(400, "invalid_request", `repeatUntil: ${message}`, [{ property: "repeatUntil", message, key }]);
  if (!s.repeatUntil) return;
  if (s.repeat === "none") throw bad("is only for a send that repeats", "validation.repeatUntilWithoutRepeat");
  if (s.repeatUntil.getTime() <= s.runAt.getTime()) throw bad("must be after runAt", "validation.repeatUntilBeforeRunAt");
}
