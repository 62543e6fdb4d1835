import { getEvent } from "@/db/queries/events";
import { eventIdParams } from "@/lib/events/list-events-schema";
import { notFound } from "@/lib/platform/http/errors";
import { readRelayFor } from "@/lib/relay/read";
import { apiRoute } from "@/lib/runtime/api-route";

/** Where relay sent this event: each destination and replay, every attempt. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const { id } = eventIdParams.parse(params);
  const event = await getEvent(db, { channelId, id });
  if (!event) throw notFound("The event");
  return readRelayFor(db, { channelId, deliveryId: event.deliveryId, eventId: id });
});
