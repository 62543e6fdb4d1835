import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionsView } from "@/components/settings/sessions-view";
import { requirePageActor } from "@/lib/runtime/page-context";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";
import { mySessionsQuery } from "@/lib/client/sessions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("sessions") };
}

export default async function SessionsPage() {
  await requirePageActor("viewer");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(mySessionsQuery(await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SessionsView />
    </HydrationBoundary>
  );
}
