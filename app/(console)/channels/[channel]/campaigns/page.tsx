import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { listCampaignsQuerySchema } from "@/lib/campaigns/campaign-schemas";
import { readCampaigns } from "@/lib/campaigns/read-campaigns";
import { campaignListQuery, campaignListSearch } from "@/lib/client/campaigns";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

export default async function CampaignsPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  const query = listCampaignsQuerySchema.parse(searchObject(campaignListSearch(null)));
  hydrateFirstPage(queryClient, campaignListQuery(), await readCampaigns(db, { channelId, query }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CampaignList />
    </HydrationBoundary>
  );
}
