import type { Db } from "@/db/client";
import { getEvent, listEvents } from "@/db/queries/events";
import type { ListEventsParams } from "@/db/queries/event-filters";
import { sourceNames } from "@/db/queries/event-sources";
import { getDelivery } from "@/db/queries/webhook";
import { encodeCursor } from "./cursor";
import { serializeDeliverySummary } from "@/lib/webhook/serialize-delivery";
import { serializeEvent, sourceIds } from "./serialize";

/** A page of the timeline as the API returns it, senders and chats named where the console knows them. */
export async function listEventItems(db: Db, params: ListEventsParams) {
  const page = await listEvents(db, params);
  const names = await sourceNames(db, { channelId: params.channelId, ...sourceIds(page.items) });
  return {
    items: page.items.map((row) => serializeEvent(row, names)),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  };
}

/** One event with the delivery it came in; undefined when the channel has no such event. */
export async function getEventDetail(db: Db, params: { channelId: number; id: number }) {
  const event = await getEvent(db, params);
  if (!event) return undefined;
  const [delivery, names] = await Promise.all([
    getDelivery(db, { channelId: params.channelId, id: event.deliveryId }),
    sourceNames(db, { channelId: params.channelId, ...sourceIds([event]) }),
  ]);
  return { ...serializeEvent(event, names), delivery: delivery ? serializeDeliverySummary(delivery) : null };
}
