import { z } from "zod";
import { getEventDetail } from "@/lib/events/event-items";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

const paramsSchema = z.object({ id: z.coerce.number("must be an event id").int().positive("must be an event id") });

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const { id } = paramsSchema.parse(params);
  const event = await getEventDetail(db, { channelId, id });
  if (!event) throw notFound("Event");
  return event;
});
