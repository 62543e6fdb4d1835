import { readRelayFor } from "@/lib/relay/read";
import { apiRoute } from "@/lib/runtime/api-route";
import { deliveryIdParams } from "@/lib/webhook/read-deliveries";

/** Where relay sent this delivery's events: each destination and replay, every attempt. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readRelayFor(db, { channelId, deliveryId: deliveryIdParams.parse(params).id }),
);
