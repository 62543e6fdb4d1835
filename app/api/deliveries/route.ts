import { listDeliveries } from "@/db/queries/webhook";
import { encodeDeliveryCursor, listDeliveriesQuerySchema } from "@/lib/webhook/list-deliveries-schema";
import { serializeDelivery } from "@/lib/webhook/serialize-delivery";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const query = parseSearchParams(listDeliveriesQuerySchema, req);
  const rows = await listDeliveries(db, { channelId, ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(serializeDelivery),
    nextCursor: rows.length > query.limit && last ? encodeDeliveryCursor(last) : null,
  };
});
