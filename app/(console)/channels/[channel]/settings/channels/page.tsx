import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChannelsView } from "@/components/channels/channels-view";
import { channelsVisibleTo } from "@/lib/channel/access";
import { channelItem } from "@/lib/channel/manage";
import { channelsQuery } from "@/lib/client/channels";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("channels") };
}

/** Settings › Channels (console admins): every Official Account of the console, adding one, and what each needs. */
export default async function ChannelsPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db, actor } = await pageReads(params, "admin", { scope: "console" });
  const queryClient = getQueryClient();
  // What GET /api/channels answers (app/api/channels/route.ts maps the same way).
  const items = (await channelsVisibleTo(db, actor)).map((c) => ({ ...channelItem(c), role: c.role }));
  hydrate(queryClient, channelsQuery(), { items });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ChannelsView />
    </HydrationBoundary>
  );
}
