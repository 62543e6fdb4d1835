import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FriendList } from "@/components/contacts/friend-list";
import { friendListQuery, friendListSearch, friendStatsQuery, tagListQuery } from "@/lib/client/contacts";
import { getQueryClient } from "@/lib/client/query-client";
import { parseFriendFilters } from "@/lib/contacts/friend-url-filters";
import { listFriendsQuerySchema } from "@/lib/contacts/list-friends-schema";
import { readFriends, readFriendStats, readTags } from "@/lib/contacts/read";
import { hydrate, hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, channelId } = await pageReads(params);
  const filters = parseFriendFilters(await searchParams);
  const queryClient = getQueryClient();
  // A filter the route would refuse (a mangled link, a segment deleted since) leaves the list to the browser, which says why.
  const query = listFriendsQuerySchema.safeParse(searchObject(friendListSearch(filters, null)));
  const [list, stats, tags] = await Promise.all([
    query.success ? readFriends(db, { channelId, query: query.data }).catch(() => null) : null,
    readFriendStats(db, { channelId }),
    readTags(db, { channelId }),
  ]);
  if (list) hydrateFirstPage(queryClient, friendListQuery(filters), list);
  hydrate(queryClient, friendStatsQuery(), stats);
  hydrate(queryClient, tagListQuery(), tags);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <FriendList role={actor.role} />
    </HydrationBoundary>
  );
}
