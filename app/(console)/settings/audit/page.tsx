import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditView } from "@/components/settings/audit-view";
import { requirePageActor } from "@/lib/runtime/page-context";
import { auditListQuery, parseAuditFilters } from "@/lib/client/audit";
import { getQueryClient } from "@/lib/client/query-client";
import { serverApi } from "@/lib/client/server-api";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("audit") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor("admin");
  const filters = parseAuditFilters(await searchParams);
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(auditListQuery(filters, await serverApi()));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView />
    </HydrationBoundary>
  );
}
