import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Stat } from "@/lib/campaigns/figures";
import type { BroadcastReach } from "@/lib/sends/broadcast-reach";
import type { SendDetail, SendSummary } from "@/lib/sends/serialize";
import { browserFetch, getJson, withSearch, type ApiFetch } from "./api-client";

// Sends (history and detail), quota and follower figures, drafts and test recipients.

export type SendListItem = SendSummary & {
  lineRequestIds: string[];
  /** LINE's opens and clicks as last fetched (a push's or multicast's: its campaign unit's); null until then. */
  stats: { opened: Stat; clicked: Stat; fetchedAt: string; byUnit: boolean } | null;
};
export interface SendPage {
  items: SendListItem[];
  nextCursor: string | null;
}

export interface SendFilters {
  kind?: string;
  status?: string;
  author?: string;
  from?: string;
  to?: string;
  tests?: boolean;
}

export const SEND_PAGE_SIZE = 30;

export const sendKeys = {
  all: ["sends"] as const,
  list: (filters: SendFilters) => ["sends", "list", filters] as const,
  detail: (id: string) => ["sends", "detail", id] as const,
  recipients: (id: string) => ["sends", "recipients", id] as const,
  quota: ["sends", "quota"] as const,
  drafts: ["drafts"] as const,
  draft: (id: string) => ["drafts", id] as const,
  testRecipients: ["test-recipients"] as const,
};

export function parseSendFilters(search: URLSearchParams | Record<string, string | string[] | undefined>): SendFilters {
  const get = (k: string) => {
    const v = search instanceof URLSearchParams ? search.get(k) : search[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  return { kind: get("kind"), status: get("status"), author: get("author"), from: get("from"), to: get("to"), tests: get("tests") === "true" || undefined };
}

export function sendFiltersToSearch(f: SendFilters): URLSearchParams {
  const s = new URLSearchParams();
  for (const k of ["kind", "status", "author", "from", "to"] as const) if (f[k]) s.set(k, f[k]!);
  if (f.tests) s.set("tests", "true");
  return s;
}

/** While anything on the page is queued or sending, look again every few seconds. */
export const isInFlight = (s: { status: string; kind: string; progress?: unknown }) =>
  s.status === "queued" || s.status === "sending" || (s.kind === "narrowcast" && s.status !== "failed" && !isFinalProgress(s.progress));

/** GET /api/messages's parameters for the history's filters and a page (the page /messages reads with them too). */
export function sendListSearch(filters: SendFilters, cursor: string | null): URLSearchParams {
  const search = sendFiltersToSearch(filters);
  // "from"/"to" are days in the URL; the API takes instants.
  if (filters.from) search.set("from", new Date(`${filters.from}T00:00:00`).toISOString());
  if (filters.to) search.set("to", new Date(`${filters.to}T23:59:59.999`).toISOString());
  search.set("limit", String(SEND_PAGE_SIZE));
  if (cursor) search.set("cursor", cursor);
  return search;
}

export function sendListQuery(filters: SendFilters, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: sendKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getJson<SendPage>(api, withSearch("/api/messages", sendListSearch(filters, pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isInFlight)) ? 3000 : false),
  });
}

export function sendDetailQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: sendKeys.detail(id),
    queryFn: ({ signal }) => getJson<SendDetail>(api, `/api/messages/${encodeURIComponent(id)}`, signal),
    refetchInterval: (q) => (q.state.data && isInFlight(q.state.data) ? 1500 : false),
  });
}

/** The user ids of a multicast (for duplicating it); they never change, so they are fetched once. */
export function sendRecipientsQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: sendKeys.recipients(id),
    queryFn: ({ signal }) => getJson<{ ids: string[] }>(api, `/api/messages/${encodeURIComponent(id)}/recipients`, signal),
    staleTime: Infinity,
  });
}

export interface QuotaInfo {
  quota: { limit: number | null; used: number; remaining: number | null; type?: string };
  /** LINE's month (UTC+9): its bounds, the share gone by, and the use so far extrapolated to its end. */
  month: { start: string; end: string; elapsed: number; projected: number | null };
  /** Replies LINE accepted this month: each would have counted as a push. */
  repliesSaved: number;
  followers: { followers: number | null; targetedReaches: number | null; blocks?: number | null; date: string } | null;
  broadcast: BroadcastReach;
}

export function quotaQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: sendKeys.quota, queryFn: ({ signal }) => getJson<QuotaInfo>(api, "/api/messages/quota", signal), staleTime: 60_000 });
}

export interface Draft {
  id: string;
  kind: "push" | "multicast" | "broadcast" | "narrowcast";
  title: string;
  body: Record<string, unknown>;
  authorLabel: string;
  /** The member's working draft (autosaved, replaced by their next composition). */
  working: boolean;
  updatedAt: string;
  createdAt: string;
}

export function draftsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: sendKeys.drafts, queryFn: ({ signal }) => getJson<{ items: Draft[] }>(api, "/api/drafts", signal) });
}

/** The signed-in member's working draft, to offer to continue it; 404 when there is none. */
export function workingDraftQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: [...sendKeys.drafts, "working"],
    queryFn: ({ signal }) => getJson<Draft>(api, "/api/drafts/working", signal),
    retry: false,
    staleTime: 0,
  });
}

export function draftQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: sendKeys.draft(id),
    queryFn: ({ signal }) => getJson<Draft>(api, `/api/drafts/${encodeURIComponent(id)}`, signal),
    staleTime: Infinity,
  });
}

export interface TestRecipient {
  id: string;
  userId: string;
  label: string;
}

export function testRecipientsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({ queryKey: sendKeys.testRecipients, queryFn: ({ signal }) => getJson<{ items: TestRecipient[] }>(api, "/api/test-recipients", signal) });
}

function isFinalProgress(p: unknown) {
  const phase = (p as { phase?: string } | null)?.phase;
  return phase === "succeeded" || phase === "failed";
}
