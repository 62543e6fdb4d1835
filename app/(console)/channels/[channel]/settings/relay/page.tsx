import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RelaySettingsView } from "@/components/relay/relay-settings-view";
import { listDestinations } from "@/db/queries/relay-destinations";
import { getQueryClient } from "@/lib/client/query-client";
import { relayDestinationsQuery } from "@/lib/client/relay";
import { serializeDestination } from "@/lib/relay/destinations";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("relay") };
}

// Everyone reads the destinations (never their secrets); only admins change them (the API checks).
export default async function RelayPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db, channelId } = await pageReads(params, "viewer");
  const queryClient = getQueryClient();
  // What GET /api/relay/destinations answers.
  hydrate(queryClient, relayDestinationsQuery(), { items: (await listDestinations(db, { channelId })).map(serializeDestination) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RelaySettingsView />
    </HydrationBoundary>
  );
}
