import { apiRoute } from "@/lib/runtime/api-route";
import { deliveryIdParams, readDelivery } from "@/lib/webhook/read-deliveries";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readDelivery(db, { channelId, ...deliveryIdParams.parse(params) }),
);
