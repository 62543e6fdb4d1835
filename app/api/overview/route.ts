import { getEventStats } from "@/db/queries/events";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => {
  const s = await getEventStats(db, { channelId });
  return {
    perType24h: s.perType24h,
    perType7d: s.perType7d,
    hourly24h: s.hourly24h.map((h) => ({ hour: h.hour.toISOString(), count: h.count })),
    lastDeliveryAt: s.lastDeliveryAt?.toISOString() ?? null,
    lastEventAt: s.lastEventAt?.toISOString() ?? null,
    webhook: s.webhook,
  };
});
