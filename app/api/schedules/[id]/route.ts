import { editSchedule } from "@/lib/campaigns/change-schedule";
import { readSchedule } from "@/lib/campaigns/read-schedules";
import { updateScheduleBodySchema } from "@/lib/campaigns/schedule-schemas";
import { serializeSchedule } from "@/lib/campaigns/serialize-schedule";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => readSchedule(db, { channelId, id: params.id }));

/** Change a schedule until it starts, naming the version changed (409 schedule_changed / schedule_started). */
export const PATCH = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, line, audit }) => {
  const body = await parseJsonBody(updateScheduleBodySchema, req);
  const { schedule, warnings } = await editSchedule(db, { channelId, id: params.id, body, line, audit });
  return { schedule: serializeSchedule(schedule), warnings };
});
