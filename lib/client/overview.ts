import { queryOptions } from "@tanstack/react-query";
import type { EventStats } from "@/db/queries/events";
import { browserFetch, getJson, type ApiFetch } from "./api-client";

/** GET /api/overview as JSON carries it (dates as ISO 8601 strings). */
export interface Overview {
  perType24h: EventStats["perType24h"];
  perType7d: EventStats["perType7d"];
  hourly24h: Array<{ hour: string; count: number }>;
  lastDeliveryAt: string | null;
  lastEventAt: string | null;
  webhook: EventStats["webhook"];
}

export const overviewKeys = { all: ["overview"] as const };

export function overviewQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: overviewKeys.all,
    queryFn: ({ signal }) => getJson<Overview>(api, "/api/overview", signal),
    staleTime: 15_000,
  });
}
