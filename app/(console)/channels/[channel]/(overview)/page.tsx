import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OverviewView } from "@/components/overview/overview-view";
import { consoleWebhookUrl } from "@/lib/channel/channel";
import { overviewQuery } from "@/lib/client/overview";
import { getQueryClient } from "@/lib/client/query-client";
import { relayStatsQuery } from "@/lib/client/relay";
import { readOverview } from "@/lib/overview/read";
import { readRelayStats } from "@/lib/relay/read";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db, channelId, channel } = await pageReads(params);
  const queryClient = getQueryClient();
  hydrate(queryClient, overviewQuery(), await readOverview(db, { channelId }));
  // The relay card shows only with a destination: read with the page, so it does not pop in later.
  hydrate(queryClient, relayStatsQuery(), await readRelayStats(db, { channelId }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView webhookUrl={consoleWebhookUrl(channel)} />
    </HydrationBoundary>
  );
}
