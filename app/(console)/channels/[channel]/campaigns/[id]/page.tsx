import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignDetailView } from "@/components/campaigns/campaign-detail";
import { campaignParams } from "@/lib/campaigns/campaign-schemas";
import { readCampaign } from "@/lib/campaigns/read-campaigns";
import { campaignDetailQuery } from "@/lib/client/campaigns";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrate, pageReads } from "@/lib/runtime/page-read";
import { getRuntime } from "@/lib/runtime/runtime";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  // A campaign that is not there (or an id that is not one) is left to the browser, which says so.
  const parsed = campaignParams.safeParse({ id });
  const campaign = parsed.success ? await readCampaign(db, { channelId, id: parsed.data.id, clients: (await getRuntime()).line }).catch(() => null) : null;
  if (campaign) hydrate(queryClient, campaignDetailQuery(id), campaign);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CampaignDetailView id={id} />
    </HydrationBoundary>
  );
}
