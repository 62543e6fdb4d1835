import type { ScheduleRow } from "@/db/queries/schedules";

/** A start more than this after its time is shown as late. */
export const LATE_AFTER_MS = 1_000;

/** A schedule as the API answers it. */
export function serializeSchedule(s: ScheduleRow) {
  return {
    id: s.id,
    campaignId: s.campaignId,
    kind: s.kind,
    title: s.title,
    status: s.status,
    runAt: s.runAt.toISOString(),
    timeZone: s.timeZone,
    repeat: s.repeat,
    repeatUntil: s.repeatUntil?.toISOString() ?? null,
    request: s.request,
    draftId: s.draftId,
    runCount: s.runCount,
    lastSendId: s.lastSendId,
    lastStartedAt: s.lastStartedAt?.toISOString() ?? null,
    lastLateMs: s.lastLateMs,
    late: (s.lastLateMs ?? 0) > LATE_AFTER_MS,
    error: s.error,
    version: s.version,
    author: { kind: s.authorKind, label: s.authorLabel },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
