import { cancelSchedule } from "@/lib/campaigns/change-schedule";
import { serializeSchedule } from "@/lib/campaigns/serialize-schedule";
import { apiRoute } from "@/lib/runtime/api-route";

/** Cancel a schedule that has not started (409 schedule_started once it has). */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, audit }) => {
  const { schedule } = await cancelSchedule(db, { channelId, id: params.id, audit });
  return { schedule: serializeSchedule(schedule) };
});
