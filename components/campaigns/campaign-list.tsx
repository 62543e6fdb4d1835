"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ChartColumn, FlaskConical } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useCan } from "@/components/auth/member-context";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { campaignListQuery } from "@/lib/client/campaigns";
import { StatValue } from "./stat-text";

const GRID = "md:grid-cols-[minmax(0,1fr)_8rem_7rem_7rem_7rem_9rem]";

/** /campaigns: every campaign, newest first, with how many were sent to, opened and clicked. */
export function CampaignList() {
  const t = useTranslations("campaigns");
  const tFunnel = useTranslations("campaigns.funnel");
  const canCreate = useCan("operator");
  const query = useInfiniteQuery(campaignListQuery());
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canCreate && (
            <Link href="/campaigns/ab-tests/new" className={buttonVariants({ variant: "primary", size: "sm" })} data-testid="new-ab-test">
              <FlaskConical aria-hidden />
              {t("newAbTest")}
            </Link>
          )
        }
      />
      {query.isPending ? (
        <CampaignListSkeleton />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<ChartColumn />} title={t("empty.title")} description={t("empty.description")} />
      ) : (
        <div className="rounded-lg border border-border bg-surface">
          <div
            className={`hidden border-b border-border px-4 py-2 text-2xs font-medium tracking-wide text-subtle-foreground uppercase md:grid md:gap-3 ${GRID}`}
          >
            <span>{t("list.name")}</span>
            <span>{t("list.sends")}</span>
            <span className="text-right">{tFunnel("sent")}</span>
            <span className="text-right">{tFunnel("opened")}</span>
            <span className="text-right">{tFunnel("clicked")}</span>
            <span>{t("list.created")}</span>
          </div>
          <ul aria-label={t("list.label")}>
            {items.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/campaigns/${c.id}`}
                  data-testid="campaign-row"
                  className={`grid grid-cols-2 gap-x-3 gap-y-1 border-b border-border px-4 py-3 last:border-0 hover:bg-hover focus-visible:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset focus-visible:outline-none md:items-center ${GRID}`}
                >
                  <span className="col-span-2 min-w-0 md:col-span-1">
                    <span className="block truncate text-sm font-medium">{c.name}</span>
                    <Badge tone="neutral">{t(`kinds.${c.kind}`)}</Badge>
                  </span>
                  <span className="text-xs text-muted-foreground">{t("list.sendCount", { count: c.sendCount })}</span>
                  <Figure label={tFunnel("sent")}>
                    <StatValue stat={c.totals.sent} />
                  </Figure>
                  <Figure label={tFunnel("opened")}>
                    <StatValue stat={c.totals.opened} />
                  </Figure>
                  <Figure label={tFunnel("clicked")}>
                    <StatValue stat={c.totals.clicked} />
                  </Figure>
                  <span className="text-xs text-muted-foreground">
                    <RelativeTime value={c.createdAt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? t("list.loading") : t("list.loadMore")}
          </Button>
        </div>
      )}
    </PageContainer>
  );
}

// On a narrow screen the column headings are gone: each figure says what it is.
function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <span className="text-sm md:text-right">
      <span className="mr-1 text-xs text-muted-foreground md:sr-only">{label}</span>
      {children}
    </span>
  );
}

export function CampaignListSkeleton() {
  return (
    <div className="space-y-2" aria-busy>
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
