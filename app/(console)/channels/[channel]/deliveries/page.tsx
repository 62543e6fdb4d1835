import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeliveryList } from "@/components/deliveries/delivery-list";
import { deliveryListQuery, deliveryListSearch, parseDeliveryView } from "@/lib/client/deliveries";
import { getQueryClient } from "@/lib/client/query-client";
import { hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";
import { listDeliveriesQuerySchema } from "@/lib/webhook/list-deliveries-schema";
import { readDeliveries } from "@/lib/webhook/read-deliveries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("title") };
}

export default async function DeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = parseDeliveryView((await searchParams).view);
  const { db, channelId } = await pageReads(params);
  const queryClient = getQueryClient();
  const query = listDeliveriesQuerySchema.parse(searchObject(deliveryListSearch(view, null)));
  hydrateFirstPage(queryClient, deliveryListQuery(view), await readDeliveries(db, { channelId, query }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DeliveryList />
    </HydrationBoundary>
  );
}
