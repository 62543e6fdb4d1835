import type { Db } from "@/db/client";
import { getEvent, listEvents } from "@/db/queries/events";
import { sourceNames } from "@/db/queries/event-sources";
import { getDelivery } from "@/db/queries/webhook";
import { notFound } from "@/lib/platform/http/errors";
import { serializeDeliverySummary } from "@/lib/webhook/serialize-delivery";
import { encodeCursor } from "./cursor";
import type { ListEventsQuery } from "./list-events-schema";
import { serializeEvent, sourceIds } from "./serialize";

// The timeline's reads, for GET /api/events(/:id) and the pages that show them.

/** A page of the timeline as the API returns it, senders and chats named where the console knows them. */
export async function readEvents(db: Db, params: { channelId: number; query: ListEventsQuery }) {
  const { minId, maxId, ...query } = params.query;
  const page = await listEvents(db, {
    channelId: params.channelId,
    ...query,
    idRange: minId !== undefined && maxId !== undefined ? { min: minId, max: maxId } : undefined,
  });
  const names = await sourceNames(db, { channelId: params.channelId, ...sourceIds(page.items) });
  return {
    items: page.items.map((row) => serializeEvent(row, names)),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  };
}

/** One event with the delivery it came in; 404 when the channel has no such event. */
export async function readEvent(db: Db, params: { channelId: number; id: number }) {
  const event = await getEvent(db, params);
  if (!event) throw notFound("Event");
  const [delivery, names] = await Promise.all([
    getDelivery(db, { channelId: params.channelId, id: event.deliveryId }),
    sourceNames(db, { channelId: params.channelId, ...sourceIds([event]) }),
  ]);
  return { ...serializeEvent(event, names), delivery: delivery ? serializeDeliverySummary(delivery) : null };
}
