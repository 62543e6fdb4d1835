import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditView } from "@/components/settings/audit-view";
import { auditListQuery, auditListSearch, parseAuditFilters } from "@/lib/client/audit";
import { getQueryClient } from "@/lib/client/query-client";
import { readAudit } from "@/lib/auth/read";
import { listAuditQuerySchema } from "@/lib/auth/schemas";
import { hydrateFirstPage, pageReads, searchObject } from "@/lib/runtime/page-read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.nav"))("audit") };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ channel: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, channelId, actor } = await pageReads(params, "admin");
  const filters = parseAuditFilters(await searchParams);
  const queryClient = getQueryClient();
  const query = listAuditQuerySchema.safeParse(searchObject(auditListSearch(filters, null)));
  if (query.success)
    hydrateFirstPage(queryClient, auditListQuery(filters), await readAudit(db, { query: query.data, channelId, withConsole: actor.consoleRole === "admin" }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AuditView />
    </HydrationBoundary>
  );
}
