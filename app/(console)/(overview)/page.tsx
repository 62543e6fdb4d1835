import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { OverviewView } from "@/components/overview/overview-view";
import { overviewQuery } from "@/lib/client/overview";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(overviewQuery(await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView webhookUrl={await webhookUrl()} />
    </HydrationBoundary>
  );
}

// What to paste into LINE Developers Console: this console's own address as the browser reached it.
async function webhookUrl() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/api/line/webhook`;
}
