import { z } from "zod";
import type { Db } from "@/db/client";
import { getDelivery, listDeliveries } from "@/db/queries/webhook";
import { notFound } from "@/lib/platform/http/errors";
import { encodeDeliveryCursor, type ListDeliveriesQuery } from "./list-deliveries-schema";
import { serializeDelivery, serializeDeliveryDetail } from "./serialize-delivery";

// The Deliveries page's reads, for GET /api/deliveries(/:id) and the pages that show them.

/** /api/deliveries/:id and /deliveries/:id: a delivery's ULID. */
export const deliveryIdParams = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a delivery id") });

/** Every request LINE made, newest first, refused ones included with their reason. */
export async function readDeliveries(db: Db, params: { channelId: number; query: ListDeliveriesQuery }) {
  const { query } = params;
  const rows = await listDeliveries(db, { channelId: params.channelId, ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map(serializeDelivery), nextCursor: rows.length > query.limit && last ? encodeDeliveryCursor(last) : null };
}

/** One delivery with its body and events; 404 when the channel has no such delivery. */
export async function readDelivery(db: Db, params: { channelId: number; id: string }) {
  const delivery = await getDelivery(db, params);
  if (!delivery) throw notFound("Delivery");
  return serializeDeliveryDetail(delivery);
}
