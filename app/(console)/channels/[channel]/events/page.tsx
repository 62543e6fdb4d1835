import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventTimeline } from "@/components/events/event-timeline";
import { eventListQuery, eventListSearch } from "@/lib/client/events";
import { getQueryClient } from "@/lib/client/query-client";
import { parseEventFilters } from "@/lib/events/event-filters";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
import { readEvents } from "@/lib/events/read";
import { hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

export default async function EventsPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseEventFilters(await searchParams);
  const { db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  // A filter the route would refuse (a mangled link) leaves the list to the browser, which says why.
  const query = listEventsQuerySchema.safeParse(searchObject(eventListSearch(filters, null)));
  if (query.success) hydrateFirstPage(queryClient, eventListQuery(filters), await readEvents(db, { channelId, query: query.data }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EventTimeline />
    </HydrationBoundary>
  );
}
