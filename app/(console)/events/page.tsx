import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventTimeline } from "@/components/events/event-timeline";
import { parseEventFilters } from "@/lib/events/event-filters";
import { eventListQuery } from "@/lib/client/events";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseEventFilters(await searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(eventListQuery(filters, await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EventTimeline />
    </HydrationBoundary>
  );
}
