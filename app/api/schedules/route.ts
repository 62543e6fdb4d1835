import { createSchedule } from "@/lib/campaigns/create-schedule";
import { readSchedules } from "@/lib/campaigns/read-schedules";
import { createScheduleBodySchema, listSchedulesQuerySchema } from "@/lib/campaigns/schedule-schemas";
import { serializeSchedule } from "@/lib/campaigns/serialize-schedule";
import { parseJsonBody, parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Scheduled sends: upcoming (soonest first), past or all, a page at a time. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readSchedules(db, { channelId, query: parseSearchParams(listSchedulesQuerySchema, req) }),
);

/** Schedule a send (checked now as sending would check it): 201 with the schedule and its time's warnings. */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, line, audit }) => {
  const body = await parseJsonBody(createScheduleBodySchema, req);
  const { schedule, warnings } = await createSchedule(db, { channelId, actor, body, line });
  await audit("schedule.created", schedule.id, {
    title: schedule.title,
    kind: schedule.kind,
    runAt: schedule.runAt.toISOString(),
    timeZone: schedule.timeZone,
    repeat: schedule.repeat,
    ...(schedule.draftId ? { draftId: schedule.draftId } : {}),
  });
  return Response.json({ schedule: serializeSchedule(schedule), warnings }, { status: 201 });
});
