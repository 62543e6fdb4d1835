"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ArrowLeft, ChevronRight, Inbox } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { usePathname, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { TableSkeleton } from "@/components/settings/table-skeleton";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ToggleGroup } from "@/components/ui/toggle-group";
import {
  parseRelayOutcome,
  relayDestinationQuery,
  relayLogQuery,
  relayOutcomes,
  type RelayDestination,
  type RelayItem,
  type RelayOutcomeView,
} from "@/lib/client/relay";
import { cn } from "@/lib/utils/cn";
import { formatLatency, shortId } from "@/lib/utils/format";
import { useFilterSummary } from "./filter-summary";
import { RelayItemDetail } from "./relay-item-detail";
import { LateMarker, RelayStateBadge } from "./relay-state-badge";

/** Settings › Relay › a destination: what relay forwarded to it, by outcome, each forward openable. */
export function RelayLogView({ id }: { id: number }) {
  const t = useTranslations("relay.log");
  const pathname = usePathname();
  const outcome = parseRelayOutcome(useSearchParams().get("outcome"));
  const setOutcome = (o: RelayOutcomeView) => window.history.pushState(null, "", o === "all" ? pathname : `${pathname}?outcome=${o}`);
  const destination = useQuery(relayDestinationQuery(id));
  const query = useInfiniteQuery(relayLogQuery(id, outcome));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <Link href="/settings/relay" className={buttonVariants({ variant: "link", size: "xs" })}>
        <ArrowLeft aria-hidden className="size-3.5" />
        {t("back")}
      </Link>
      {destination.data && <DestinationHeading destination={destination.data} />}
      <Card className="overflow-hidden">
        <CardHeader className="flex-wrap items-center">
          <CardTitle>{t("title")}</CardTitle>
          <div className="-mx-1 max-w-full overflow-x-auto px-1 scrollbar-thin">
            <ToggleGroup
              label={t("outcomeLabel")}
              size="sm"
              value={outcome}
              onValueChange={setOutcome}
              items={relayOutcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
            />
          </div>
        </CardHeader>
        {query.isPending ? (
          <TableSkeleton columns={6} rows={4} />
        ) : query.isError && items.length === 0 ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState className="border-t border-border" icon={<Inbox />} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <LogTable items={items} />
        )}
        {query.hasNextPage && (
          <div className="flex justify-center border-t border-border px-4 py-3">
            <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}

function DestinationHeading({ destination: d }: { destination: RelayDestination }) {
  const t = useTranslations("relay.settings");
  const filters = useFilterSummary(d);
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold break-words">{d.name}</h2>
        <Badge tone={d.enabled ? "success" : "neutral"}>{d.enabled ? t("enabled") : t("paused")}</Badge>
        <Badge tone="outline">{t(`signing.${d.signing}`)}</Badge>
      </div>
      <p className="font-mono text-xs break-all text-muted-foreground">{d.url}</p>
      <p className="text-xs text-muted-foreground">{filters}</p>
    </div>
  );
}

function LogTable({ items }: { items: RelayItem[] }) {
  const t = useTranslations("relay.log");
  const locale = useLocale();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (id: number) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.received")}</TableHead>
          <TableHead>{t("columns.what")}</TableHead>
          <TableHead>{t("columns.state")}</TableHead>
          <TableHead className="text-right">{t("columns.attempts")}</TableHead>
          <TableHead className="text-right">{t("columns.status")}</TableHead>
          <TableHead className="text-right">{t("columns.latency")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => {
          const expanded = open.has(item.id);
          const detailId = `relay-item-${item.id}`;
          return (
            <Fragment key={item.id}>
              <TableRow className={cn(expanded && "border-b-0 bg-muted/40")}>
                <TableCell className="whitespace-nowrap">
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={expanded ? detailId : undefined}
                    onClick={() => toggle(item.id)}
                    className="-ml-1 inline-flex items-center gap-1 rounded-sm px-1 text-left hover:text-primary-soft-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                  >
                    <ChevronRight aria-hidden className={cn("size-3.5 shrink-0 transition-transform", expanded && "rotate-90")} />
                    <span className="sr-only">{t("details")}</span>
                    <RelativeTime value={item.receivedAt} />
                  </button>
                </TableCell>
                <TableCell>
                  <ItemLinks item={item} />
                </TableCell>
                <TableCell>
                  <span className="flex flex-wrap items-center gap-1">
                    <RelayStateBadge item={item} />
                    {item.replayId !== null && <Badge tone="outline">{t("replay")}</Badge>}
                    <LateMarker item={item} />
                  </span>
                </TableCell>
                <TableCell className="text-right tabular">{item.attempts.length}</TableCell>
                <TableCell className="text-right font-mono text-xs">{item.lastStatus ?? (item.lastError ? t("noAnswer") : "—")}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular">{formatLatency(item.forwardMs, locale)}</TableCell>
              </TableRow>
              {expanded && (
                <TableRow className="bg-muted/40">
                  <TableCell id={detailId} colSpan={6} className="pt-0 pb-4">
                    <RelayItemDetail id={item.id} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The delivery it came in and its events (the first and how many more). */
function ItemLinks({ item }: { item: RelayItem }) {
  const t = useTranslations("relay.log");
  const first = item.eventIds[0];
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
      {first !== undefined && (
        <Link href={`/events/${first}`} className="font-medium text-primary-soft-foreground underline-offset-4 hover:underline">
          {t("event", { id: first })}
        </Link>
      )}
      {item.eventIds.length > 1 && <span className="text-muted-foreground">{t("moreEvents", { count: item.eventIds.length - 1 })}</span>}
      <Link href={`/deliveries/${item.deliveryId}`} className="font-mono text-muted-foreground underline-offset-4 hover:underline">
        <span className="sr-only">{t("delivery")} </span>
        {shortId(item.deliveryId, 6, 4)}
      </Link>
    </span>
  );
}
