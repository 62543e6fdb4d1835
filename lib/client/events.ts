import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { EventFilters } from "@/lib/events/event-filters";
import { eventFiltersToSearch } from "@/lib/events/event-filters";
import type { EventItem } from "@/lib/events/serialize";
import type { serializeDeliverySummary } from "@/lib/webhook/serialize-delivery";
import { browserFetch, getJson, withSearch, type ApiFetch } from "./api-client";

export interface EventPage {
  items: EventItem[];
  nextCursor: string | null;
}

export type EventDetail = EventItem & { delivery: ReturnType<typeof serializeDeliverySummary> | null };

export const EVENT_PAGE_SIZE = 50;

export const eventKeys = {
  all: ["events"] as const,
  lists: () => ["events", "list"] as const,
  list: (filters: EventFilters) => ["events", "list", filters] as const,
  detail: (id: string) => ["events", "detail", id] as const,
};

/** GET /api/events's parameters for the timeline's filters and a page (the page /events reads with them too). */
export function eventListSearch(filters: EventFilters, cursor: string | null): URLSearchParams {
  const search = eventFiltersToSearch(filters);
  search.set("limit", String(EVENT_PAGE_SIZE));
  if (cursor) search.set("cursor", cursor);
  return search;
}

/** The timeline: newest first, one keyset page at a time. */
export function eventListQuery(filters: EventFilters, api: ApiFetch = browserFetch) {
  return infiniteQueryOptions({
    queryKey: eventKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getJson<EventPage>(api, withSearch("/api/events", eventListSearch(filters, pageParam)), signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // The live tail keeps the list current; refetching every loaded page on focus would only cost.
    refetchOnWindowFocus: false,
  });
}

export function eventDetailQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: async ({ signal, client }) => {
      const event = await getJson<EventDetail>(api, `/api/events/${encodeURIComponent(id)}`, signal);
      showNamesInLists(client, event);
      return event;
    },
    // A stored event never changes, but the names shown with it may arrive later (a new sender's profile
    // is fetched in the background): until they are in, the detail is fetched again each time it is shown.
    staleTime: (query) => (query.state.data && namesPending(query.state.data) ? 0 : Infinity),
  });
}

/**
 * Exactly the events of one live notification that match the timeline's filters (every page of them:
 * a burst can exceed one page).
 */
export async function fetchLiveEvents(filters: EventFilters, range: { minId: number; maxId: number }, maxPages = 5) {
  const items: EventItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const search = eventFiltersToSearch(filters);
    search.set("minId", String(range.minId));
    search.set("maxId", String(range.maxId));
    search.set("limit", "200");
    if (cursor) search.set("cursor", cursor);
    const result: EventPage = await getJson<EventPage>(browserFetch, withSearch("/api/events", search));
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}

function namesPending(event: EventItem): boolean {
  return (event.userId !== null && event.userName === null) || ((event.groupId ?? event.roomId) !== null && event.chatName === null);
}

// The timeline's rows were fetched when the names may not have been known yet; the detail brings them.
function showNamesInLists(client: QueryClient, event: EventItem) {
  if (event.userName === null && event.chatName === null) return;
  const outdated = (item: EventItem) => item.id === event.id && (item.userName !== event.userName || item.chatName !== event.chatName);
  client.setQueriesData<InfiniteData<EventPage>>({ queryKey: eventKeys.lists() }, (data) => {
    if (!data?.pages.some((page) => page.items.some(outdated))) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (outdated(item) ? { ...item, userName: event.userName, chatName: event.chatName } : item)),
      })),
    };
  });
}
