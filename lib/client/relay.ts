import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { RelayDestination } from "@/lib/relay/destinations";
import type { readRelayStats, readReplay, RelayItem } from "@/lib/relay/read";
import type { z } from "zod";
import type { RelayDestinationInput, RelayDestinationPatch, relayReplaySchema } from "@/lib/relay/schemas";
import { browserFetch, getJson, sendJson, withSearch, type ApiFetch, type Jsonified } from "./api-client";

// Relay as the browser reaches it: destinations, their log, an event's or a delivery's forwards, one
// forward with its body, replays and the overview's figures (app/api/relay/**).

export type { RelayDestination, RelayItem };
export type RelayItemDetail = RelayItem & { body: string };
export type RelayStats = Jsonified<Awaited<ReturnType<typeof readRelayStats>>>;
export type RelayHealth = RelayStats["destinations"][number]["health"];
export type RelayReplay = Jsonified<Awaited<ReturnType<typeof readReplay>>>;
export type RelayTestResult = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseHead: string | null;
  error: string | null;
  signed: boolean;
};
export type RelayReplayPreview = { target: string; count: number; max: number };
export interface RelayLogPage {
  items: RelayItem[];
  nextBefore: number | null;
}

/** The log's outcome filter: every state, and "failing" (still pending, already tried). */
export const relayOutcomes = ["all", "succeeded", "failing", "refused", "expired", "pending", "cancelled"] as const;
export type RelayOutcomeView = (typeof relayOutcomes)[number];

export function parseRelayOutcome(value: string | null | undefined): RelayOutcomeView {
  return (relayOutcomes as readonly string[]).includes(value ?? "") ? (value as RelayOutcomeView) : "all";
}

export const RELAY_LOG_PAGE_SIZE = 50;

export const relayKeys = {
  all: ["relay"] as const,
  destinations: () => ["relay", "destinations"] as const,
  destination: (id: number) => ["relay", "destinations", id] as const,
  log: (id: number, outcome: RelayOutcomeView) => ["relay", "log", id, outcome] as const,
  item: (id: number) => ["relay", "item", id] as const,
  forwards: (kind: "event" | "delivery", id: string) => ["relay", kind, id] as const,
  replay: (id: number) => ["relay", "replay", id] as const,
  stats: () => ["relay", "stats"] as const,
};

export function relayDestinationsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: relayKeys.destinations(),
    queryFn: ({ signal }) => getJson<{ items: RelayDestination[] }>(api, "/api/relay/destinations", signal),
  });
}

export function relayDestinationQuery(id: number, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: relayKeys.destination(id),
    queryFn: ({ signal }) => getJson<RelayDestination>(api, `/api/relay/destinations/${id}`, signal),
  });
}

/** GET …/items's parameters for an outcome and a page (the log's page reads with them too). */
export function relayLogSearch(outcome: RelayOutcomeView, before: number | null): URLSearchParams {
  const search = new URLSearchParams({ limit: String(RELAY_LOG_PAGE_SIZE) });
  if (outcome !== "all") search.set("outcome", outcome);
  if (before) search.set("before", String(before));
  return search;
}

/** A destination's log, newest first, a page at a time (`before` the last item's id). */
export function relayLogQuery(id: number, outcome: RelayOutcomeView, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: relayKeys.log(id, outcome),
    queryFn: ({ pageParam, signal }) =>
      getJson<RelayLogPage>(api, withSearch(`/api/relay/destinations/${id}/items`, relayLogSearch(outcome, pageParam)), signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

export function relayItemQuery(id: number, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: relayKeys.item(id),
    queryFn: ({ signal }) => getJson<RelayItemDetail>(api, `/api/relay/items/${id}`, signal),
  });
}

// While something is still on its way, an event's or a delivery's forwards are asked for again.
const whileForwarding = (data: { items: RelayItem[] } | undefined) => (data?.items.some((i) => i.state === "pending") ? 2000 : false);

/** Where relay sent an event, or a whole delivery's events: every destination and replay, every attempt. */
export function relayForQuery(of: { kind: "event" | "delivery"; id: string }, api: ApiFetch = browserFetch) {
  const path = of.kind === "event" ? `/api/events/${encodeURIComponent(of.id)}/relay` : `/api/deliveries/${encodeURIComponent(of.id)}/relay`;
  return queryOptions({
    queryKey: relayKeys.forwards(of.kind, of.id),
    queryFn: ({ signal }) => getJson<{ items: RelayItem[] }>(api, path, signal),
    refetchInterval: (query) => whileForwarding(query.state.data),
  });
}

/** A replay's progress, asked for every second while it runs. */
export function relayReplayQuery(id: number, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: relayKeys.replay(id),
    queryFn: ({ signal }) => getJson<RelayReplay>(api, `/api/relay/replays/${id}`, signal),
    refetchInterval: (query) => (query.state.data && query.state.data.state !== "running" ? false : 1000),
  });
}

/** The overview's relay card: the last hour per destination, refreshed while the overview is open. */
export function relayStatsQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: relayKeys.stats(),
    queryFn: ({ signal }) => getJson<RelayStats>(api, "/api/relay/stats", signal),
    refetchInterval: 15_000,
  });
}

export const createDestination = (input: RelayDestinationInput) => sendJson<RelayDestination>("POST", "/api/relay/destinations", input);
export const updateDestination = (id: number, patch: RelayDestinationPatch) => sendJson<RelayDestination>("PATCH", `/api/relay/destinations/${id}`, patch);
export const deleteDestination = (id: number) => sendJson<null>("DELETE", `/api/relay/destinations/${id}`);
export const testDestination = (id: number) => sendJson<RelayTestResult>("POST", `/api/relay/destinations/${id}/test`);
/** What POST /api/relay/replays takes, as JSON (times as ISO strings; perSecond has a default). */
export type ReplayBody = z.input<typeof relayReplaySchema>;
export const previewReplay = (input: ReplayBody) => sendJson<RelayReplayPreview>("POST", "/api/relay/replays/preview", input);
export const startReplay = (input: ReplayBody) => sendJson<RelayReplay>("POST", "/api/relay/replays", input);
export const cancelReplay = (id: number) => sendJson<RelayReplay>("POST", `/api/relay/replays/${id}/cancel`);
