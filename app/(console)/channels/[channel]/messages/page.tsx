import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SendHistory } from "@/components/sends/send-history";
import { roleAllows } from "@/lib/auth/require-actor";
import { parseSendFilters, sendListQuery, sendListSearch } from "@/lib/client/messages";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";
import { listSendsQuerySchema } from "@/lib/sends/list-sends-schema";
import { readSends } from "@/lib/sends/read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sends"))("title") };
}

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = parseSendFilters(await searchParams);
  const { actor, db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  // A filter the route would refuse (a mangled link) leaves the list to the browser, which says why.
  const query = listSendsQuerySchema.safeParse(searchObject(sendListSearch(filters, null)));
  if (query.success) hydrateFirstPage(queryClient, sendListQuery(filters), await readSends(db, { channelId, query: query.data }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SendHistory canSend={roleAllows(actor.role, "operator")} />
    </HydrationBoundary>
  );
}
