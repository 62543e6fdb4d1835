import type { Db } from "@/db/client";
import { getEventStats } from "@/db/queries/events";

/** The overview's figures (GET /api/overview and the page /). */
export async function readOverview(db: Db, params: { channelId: number }) {
  const s = await getEventStats(db, params);
  return {
    perType24h: s.perType24h,
    perType7d: s.perType7d,
    hourly24h: s.hourly24h.map((h) => ({ hour: h.hour.toISOString(), count: h.count })),
    lastDeliveryAt: s.lastDeliveryAt?.toISOString() ?? null,
    lastEventAt: s.lastEventAt?.toISOString() ?? null,
    webhook: s.webhook,
  };
}
