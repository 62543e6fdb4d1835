import { z } from "zod";
import { getEvent } from "@/db/queries/events";
import { getDelivery } from "@/db/queries/webhook";
import { serializeDeliverySummary } from "@/lib/events/serialize-delivery";
import { serializeEvent } from "@/lib/events/serialize";
import { notFound } from "@/lib/http/errors";
import { apiRoute } from "@/lib/http/api-route";

const paramsSchema = z.object({ id: z.coerce.number("must be an event id").int().positive("must be an event id") });

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const { id } = paramsSchema.parse(params);
  const event = await getEvent(db, { channelId, id });
  if (!event) throw notFound("Event");
  const delivery = await getDelivery(db, { channelId, id: event.deliveryId });
  return { ...serializeEvent(event), delivery: delivery ? serializeDeliverySummary(delivery) : null };
});
