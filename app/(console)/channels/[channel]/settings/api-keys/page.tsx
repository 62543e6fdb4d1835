import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysView } from "@/components/settings/api-keys-view";
import { env } from "@/lib/env.js";
import { apiKeysQuery } from "@/lib/client/api-keys";
import { getQueryClient } from "@/lib/client/query-client";
import { readApiKeys } from "@/lib/auth/read";
import { hydrate, pageReads } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("apiKeys") };
}

export default async function ApiKeysPage({ params }: { params: Promise<{ channel: string }> }) {
  const { db } = await pageReads(params, "admin", { scope: "console" });
  const queryClient = getQueryClient();
  hydrate(queryClient, apiKeysQuery(), await readApiKeys(db));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ApiKeysView appUrl={env().APP_URL.replace(/\/+$/, "")} />
    </HydrationBoundary>
  );
}
