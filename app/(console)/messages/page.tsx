import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SendHistory } from "@/components/sends/send-history";
import { getPageActor } from "@/lib/runtime/page-context";
import { roleAllows } from "@/lib/auth/require-actor";
import { parseSendFilters, sendListQuery } from "@/lib/client/messages";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sends"))("title") };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = parseSendFilters(await searchParams);
  const actor = await getPageActor();
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(sendListQuery(filters, await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SendHistory canSend={actor ? roleAllows(actor.role, "operator") : false} />
    </HydrationBoundary>
  );
}
