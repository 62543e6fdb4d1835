import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RelayLogView } from "@/components/relay/relay-log-view";
import { getQueryClient } from "@/lib/client/query-client";
import { parseRelayOutcome, relayDestinationQuery, relayLogQuery, relayLogSearch } from "@/lib/client/relay";
import { destinationParam, serializeDestination } from "@/lib/relay/destinations";
import { readRelayLog } from "@/lib/relay/read";
import { relayLogQuerySchema } from "@/lib/relay/schemas";
import { hydrate, hydrateFirstPage, orNotFound, pageReads, searchObject } from "@/lib/runtime/page-read";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("relay.log"))("metaTitle") };
}

/** A destination's relay log: every forward, newest first, by outcome (?outcome=…). */
export default async function RelayLogPage({ params, searchParams }: Props) {
  const { id } = await params;
  const raw = (await searchParams).outcome;
  const outcome = parseRelayOutcome(Array.isArray(raw) ? raw[0] : raw);
  const { db, channelId } = await pageReads(params, "viewer");
  const destination = await orNotFound(destinationParam(db, channelId, id));
  const query = relayLogQuerySchema.parse(searchObject(relayLogSearch(outcome, null)));
  const queryClient = getQueryClient();
  hydrate(queryClient, relayDestinationQuery(destination.id), serializeDestination(destination));
  hydrateFirstPage(queryClient, relayLogQuery(destination.id, outcome), await readRelayLog(db, { channelId, destinationId: destination.id, ...query }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RelayLogView id={destination.id} />
    </HydrationBoundary>
  );
}
