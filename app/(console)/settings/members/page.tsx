import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersView } from "@/components/settings/members-view";
import { requirePageActor } from "@/lib/runtime/page-context";
import { invitationsQuery, membersQuery } from "@/lib/client/members";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("members") };
}

export default async function MembersPage() {
  await requirePageActor("admin");
  const queryClient = getQueryClient();
  const api = await serverApi();
  await Promise.all([queryClient.prefetchQuery(membersQuery(api)), queryClient.prefetchQuery(invitationsQuery(api))]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MembersView />
    </HydrationBoundary>
  );
}
