"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRight, Inbox, ShieldCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { usePathname, useSearchParams } from "next/navigation";
import { useConsoleRouter } from "@/components/common/console-link";
import { useMemo, useRef } from "react";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { useLive } from "@/components/live/live-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ToggleGroup } from "@/components/ui/toggle-group";
import type { DeliveryItem } from "@/lib/webhook/serialize-delivery";
import { deliveryKeys, deliveryListQuery, deliveryViews, parseDeliveryView, type DeliveryView } from "@/lib/client/deliveries";
import { formatLatency } from "@/lib/utils/format";
import { RejectionReason, SignatureBadge, StatusBadge, VerifyBadge } from "./delivery-badges";

const REFRESH_AT_MOST_EVERY_MS = 2000;

/** Every webhook request LINE (or anyone) sent, accepted or not, newest first. */
export function DeliveryList() {
  const t = useTranslations("deliveries");
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = parseDeliveryView(searchParams.get("view"));
  const query = useInfiniteQuery(deliveryListQuery(view));
  const deliveries = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  useRefreshOnLive();

  const setView = (v: DeliveryView) => window.history.pushState(null, "", v === "all" ? pathname : `${pathname}?view=${v}`);

  return (
    <PageContainer className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <ToggleGroup label={t("viewLabel")} value={view} onValueChange={setView} items={deliveryViews.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
      <Card className="overflow-hidden">
        {query.isPending ? (
          <DeliveryTableSkeleton />
        ) : query.isError && deliveries.length === 0 ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : deliveries.length === 0 ? (
          <EmptyState icon={view === "rejected" ? <ShieldCheck /> : <Inbox />} title={t(`empty.${view}.title`)} description={t(`empty.${view}.description`)} />
        ) : (
          <DeliveryTable deliveries={deliveries} />
        )}
      </Card>
      {deliveries.length > 0 && (
        <div className="flex justify-center">
          {query.hasNextPage ? (
            <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
            </Button>
          ) : (
            <p className="text-xs text-subtle-foreground">{t("end", { count: deliveries.length })}</p>
          )}
        </div>
      )}
    </PageContainer>
  );
}

function DeliveryTable({ deliveries }: { deliveries: DeliveryItem[] }) {
  const t = useTranslations("deliveries");
  const router = useConsoleRouter();
  const locale = useLocale();
  return (
    <Table>
      <TableHeader>
        <TableRow className="bg-muted/40">
          <TableHead>{t("columns.received")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
          <TableHead>{t("columns.signature")}</TableHead>
          <TableHead className="text-right">{t("columns.events")}</TableHead>
          <TableHead className="text-right">{t("columns.latency")}</TableHead>
          <TableHead className="w-full">{t("columns.outcome")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("columns.open")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow
            key={d.id}
            data-delivery-id={d.id}
            className="group cursor-pointer hover:bg-hover"
            onClick={(e) => {
              if (!(e.target as HTMLElement).closest("a")) router.push(`/deliveries/${d.id}`);
            }}
          >
            <TableCell className="whitespace-nowrap">
              <RelativeTime value={d.receivedAt} className="text-sm" />
            </TableCell>
            <TableCell>
              <StatusBadge status={d.statusCode} />
            </TableCell>
            <TableCell>
              <SignatureBadge signature={d.signature} />
            </TableCell>
            <TableCell className="text-right tabular">{d.eventCount}</TableCell>
            <TableCell className="text-right whitespace-nowrap text-muted-foreground tabular">{formatLatency(d.latencyMs, locale)}</TableCell>
            <TableCell className="max-w-0 min-w-64">
              <div className="flex min-w-0 items-center gap-2">
                {d.isVerify && <VerifyBadge />}
                {d.reason ? (
                  <RejectionReason reason={d.reason} detail={d.reasonDetail} className="line-clamp-2 min-w-0" />
                ) : (
                  !d.isVerify && <span className="truncate text-muted-foreground">{t("accepted", { count: d.eventCount })}</span>
                )}
              </div>
            </TableCell>
            <TableCell className="pl-0">
              <Link
                href={`/deliveries/${d.id}`}
                aria-label={t("openDelivery", { id: d.id })}
                className="flex size-7 items-center justify-center rounded-md text-subtle-foreground group-hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <ChevronRight aria-hidden className="size-4" />
              </Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function DeliveryTableSkeleton() {
  return (
    <div aria-hidden>
      <div className="h-9 border-b border-border bg-muted/40" />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-border px-4 py-3.5">
          <Skeleton className="h-3 w-20" />
          <Skeleton className="h-5 w-10" />
          <Skeleton className="h-5 w-16" />
          <Skeleton className="ml-auto h-3 w-8" />
          <Skeleton className="h-3" style={{ width: `${20 + ((i * 19) % 30)}%` }} />
        </div>
      ))}
    </div>
  );
}

// New deliveries change the first page; refetch it now and then while webhooks keep coming.
function useRefreshOnLive() {
  const queryClient = useQueryClient();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refresh = () => {
    if (timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = undefined;
        last.current = Date.now();
        void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists() });
      },
      Math.max(0, last.current + REFRESH_AT_MOST_EVERY_MS - Date.now()),
    );
  };
  useLive({ onStored: (n) => n.deliveries > 0 && refresh(), onResync: refresh });
}
