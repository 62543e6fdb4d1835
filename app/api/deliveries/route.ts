import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { listDeliveriesQuerySchema } from "@/lib/webhook/list-deliveries-schema";
import { readDeliveries } from "@/lib/webhook/read-deliveries";

/** Every request LINE made, newest first (the page /deliveries reads the same way). */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readDeliveries(db, { channelId, query: parseSearchParams(listDeliveriesQuerySchema, req) }),
);
