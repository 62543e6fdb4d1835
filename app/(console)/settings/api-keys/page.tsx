import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysView } from "@/components/settings/api-keys-view";
import { requirePageActor } from "@/lib/runtime/page-context";
import { env } from "@/lib/env.js";
import { apiKeysQuery } from "@/lib/client/api-keys";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("apiKeys") };
}

export default async function ApiKeysPage() {
  await requirePageActor("admin");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(apiKeysQuery(await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ApiKeysView appUrl={env().APP_URL.replace(/\/+$/, "")} />
    </HydrationBoundary>
  );
}
