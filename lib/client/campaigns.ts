import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { CampaignDetail, CampaignPage } from "@/lib/campaigns/read-campaigns";
import { browserFetch, getJson, withSearch, type ApiFetch, type Jsonified } from "./api-client";
import { currentChannelKey } from "./channel-path";

// Campaigns: the list with totals, and one campaign with its sends' funnels.

export type CampaignPageData = Jsonified<CampaignPage>;
export type CampaignDetailData = Jsonified<CampaignDetail>;

export const CAMPAIGN_PAGE_SIZE = 30;

export const campaignKeys = {
  all: ["campaigns"] as const,
  list: () => ["campaigns", "list"] as const,
  detail: (id: string) => ["campaigns", "detail", id] as const,
};

/** GET /api/campaigns's parameters for a page (the page /campaigns reads with them too). */
export function campaignListSearch(cursor: string | null): URLSearchParams {
  const search = new URLSearchParams({ limit: String(CAMPAIGN_PAGE_SIZE) });
  if (cursor) search.set("cursor", cursor);
  return search;
}

export function campaignListQuery(api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: campaignKeys.list(),
    queryFn: ({ pageParam, signal }) => getJson<CampaignPageData>(api, withSearch("/api/campaigns", campaignListSearch(pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // LINE's figures change a few times a day at most.
    staleTime: 60_000,
  });
}

export function campaignDetailQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => getJson<CampaignDetailData>(api, `/api/campaigns/${encodeURIComponent(id)}`, signal),
    staleTime: 60_000,
    // While a send of it is on its way, its status (and soon its figures) change.
    refetchInterval: (q) => (q.state.data?.sends.some((s) => s.status === "queued" || s.status === "sending") ? 3000 : false),
  });
}

/** The CSV download of a campaign (a plain link: the browser saves it), on this tab's channel. */
export function campaignExportUrl(id: string, channelKey: string | null = currentChannelKey()): string {
  const path = `/api/campaigns/${encodeURIComponent(id)}/export`;
  return channelKey ? withSearch(path, new URLSearchParams({ channel: channelKey })) : path;
}
