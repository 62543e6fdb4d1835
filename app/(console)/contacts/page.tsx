import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FriendList } from "@/components/contacts/friend-list";
import { requirePageActor } from "@/lib/runtime/page-context";
import { parseFriendFilters } from "@/lib/contacts/friend-url-filters";
import { friendListQuery, friendStatsQuery, tagListQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("viewer");
  const filters = parseFriendFilters(await searchParams);
  const queryClient = getQueryClient();
  const api = await serverApi();
  await Promise.all([queryClient.prefetchInfiniteQuery(friendListQuery(filters, api)), queryClient.prefetchQuery(friendStatsQuery(api)), queryClient.prefetchQuery(tagListQuery(api))]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FriendList role={actor.role} />
    </HydrationBoundary>
  );
}
