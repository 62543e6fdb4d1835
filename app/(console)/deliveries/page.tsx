import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeliveryList } from "@/components/deliveries/delivery-list";
import { deliveryListQuery, parseDeliveryView } from "@/lib/client/deliveries";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deliveries"))("title") };
}

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = parseDeliveryView((await searchParams).view);
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(deliveryListQuery(view, await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DeliveryList />
    </HydrationBoundary>
  );
}
