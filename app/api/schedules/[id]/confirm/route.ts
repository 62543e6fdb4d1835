import { confirmSchedule } from "@/lib/campaigns/change-schedule";
import { confirmScheduleBodySchema } from "@/lib/campaigns/schedule-schemas";
import { serializeSchedule } from "@/lib/campaigns/serialize-schedule";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** A person's answer to a send that would start too late: send it now, or not. */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, actor, runtime, audit }) => {
  const { action } = await parseJsonBody(confirmScheduleBodySchema, req);
  const { schedule } = await confirmSchedule(db, {
    channelId,
    id: params.id,
    action,
    clients: runtime.line,
    worker: `confirm:${actor.id}:${crypto.randomUUID()}`,
    audit,
  });
  return { schedule: serializeSchedule(schedule) };
});
