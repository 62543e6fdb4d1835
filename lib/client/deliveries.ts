import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { DeliveryDetailItem, DeliveryItem } from "@/lib/webhook/serialize-delivery";
import { browserFetch, getJson, withSearch, type ApiFetch } from "./api-client";

export interface DeliveryPage {
  items: DeliveryItem[];
  nextCursor: string | null;
}

export const deliveryViews = ["all", "accepted", "rejected", "verify"] as const;
export type DeliveryView = (typeof deliveryViews)[number];

export function parseDeliveryView(value: string | string[] | null | undefined): DeliveryView {
  const v = Array.isArray(value) ? value[0] : value;
  return (deliveryViews as readonly string[]).includes(v ?? "") ? (v as DeliveryView) : "all";
}

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => ["deliveries", "list"] as const,
  list: (view: DeliveryView) => ["deliveries", "list", view] as const,
  detail: (id: string) => ["deliveries", "detail", id] as const,
};

export const DELIVERY_PAGE_SIZE = 50;

/** GET /api/deliveries's parameters for a view and a page (the page /deliveries reads with them too). */
export function deliveryListSearch(view: DeliveryView, cursor: string | null): URLSearchParams {
  const search = new URLSearchParams({ limit: String(DELIVERY_PAGE_SIZE) });
  if (view === "accepted") search.set("rejected", "false");
  if (view === "rejected") search.set("rejected", "true");
  if (view === "verify") search.set("verify", "true");
  if (cursor) search.set("cursor", cursor);
  return search;
}

export function deliveryListQuery(view: DeliveryView, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: deliveryKeys.list(view),
    queryFn: ({ pageParam, signal }) => getJson<DeliveryPage>(api, withSearch("/api/deliveries", deliveryListSearch(view, pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function deliveryDetailQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: deliveryKeys.detail(id),
    queryFn: ({ signal }) => getJson<DeliveryDetailItem>(api, `/api/deliveries/${encodeURIComponent(id)}`, signal),
    staleTime: 5 * 60_000,
  });
}
