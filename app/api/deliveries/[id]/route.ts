import { z } from "zod";
import { getDelivery } from "@/db/queries/webhook";
import { serializeDeliveryDetail } from "@/lib/webhook/serialize-delivery";
import { notFound } from "@/lib/platform/http/errors";
import { apiRoute } from "@/lib/runtime/api-route";

const paramsSchema = z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a delivery id") });

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const { id } = paramsSchema.parse(params);
  const delivery = await getDelivery(db, { channelId, id });
  if (!delivery) throw notFound("Delivery");
  return serializeDeliveryDetail(delivery);
});
