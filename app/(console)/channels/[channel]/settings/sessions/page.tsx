import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionsView } from "@/components/settings/sessions-view";
import { getQueryClient } from "@/lib/client/query-client";
import { mySessionsQuery } from "@/lib/client/sessions";
import { readMySessions } from "@/lib/auth/read";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("sessions") };
}

export default async function SessionsPage({ params }: { params: Promise<{ channel: string }> }) {
  const { actor, db } = await pageReads(params);
  const queryClient = getQueryClient();
  if (actor.kind === "user") hydrate(queryClient, mySessionsQuery(), await readMySessions(db, { actor }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <SessionsView />
    </HydrationBoundary>
  );
}
