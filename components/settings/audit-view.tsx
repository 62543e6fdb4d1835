"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { auditFiltersToSearch, auditListQuery, parseAuditFilters, type AuditFilters } from "@/lib/client/audit";
import { AuditFilterBar } from "./audit-filter-bar";
import { AuditTable } from "./audit-table";
import { TableSkeleton } from "./table-skeleton";

/** Settings › Audit log: who did what, newest first, filtered by the URL; read-only. */
export function AuditView() {
  const t = useTranslations("settings.audit");
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseAuditFilters(searchParams), [searchParams]);
  const query = useInfiniteQuery(auditListQuery(filters));
  const entries = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const actions = query.data?.pages[0]?.actions ?? [];
  const filtered = Boolean(filters.action || filters.actorId || filters.from || filters.to);

  // Filters live in the URL (a view can be shared as a link); the list is fetched in the browser, so
  // the History API updates the URL without a server render.
  const setFilters = (next: AuditFilters) => {
    const qs = auditFiltersToSearch(next).toString();
    window.history.pushState(null, "", qs ? `${pathname}?${qs}` : pathname);
  };

  return (
    <div className="space-y-4">
      <AuditFilterBar filters={filters} actions={actions} entries={entries} onChange={setFilters} />
      <Card className="overflow-hidden">
        {query.isPending ? (
          <TableSkeleton columns={4} rows={8} />
        ) : query.isError && entries.length === 0 ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState
            icon={<ScrollText />}
            title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")}
            description={filtered ? t("emptyFilteredDescription") : t("emptyDescription")}
            action={filtered && <Button onClick={() => setFilters({})}>{t("clearFilters")}</Button>}
          />
        ) : (
          <AuditTable entries={entries} onFilterActor={(actorId) => setFilters({ ...filters, actorId })} />
        )}
      </Card>
      {entries.length > 0 && (
        <div className="flex justify-center">
          {query.hasNextPage ? (
            <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
            </Button>
          ) : (
            <p className="text-xs text-subtle-foreground">{t("end", { count: entries.length })}</p>
          )}
        </div>
      )}
    </div>
  );
}
