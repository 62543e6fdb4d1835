"use client";

import { ArrowRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { ExactTime } from "@/components/common/relative-time";
import { SignatureBadge, StatusBadge } from "@/components/deliveries/delivery-badges";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { EventDetail } from "@/lib/queries/events";
import { cn } from "@/lib/utils/cn";
import { formatLatency } from "@/lib/utils/format";
import { EventTypeBadge } from "./event-type-badge";

/** The webhook request this event arrived in, and the other events that came with it. */
export function EventDeliveryCard({ delivery, currentId }: { delivery: EventDetail["delivery"]; currentId: string }) {
  const t = useTranslations("eventDetail.delivery");
  const locale = useLocale();
  const [showAll, setShowAll] = useState(false);
  if (!delivery) {
    return (
      <Card className="p-4 text-sm text-muted-foreground">
        <CardTitle>{t("title")}</CardTitle>
        <p className="mt-2">{t("missing")}</p>
      </Card>
    );
  }
  const rows: Array<[string, React.ReactNode]> = [
    [t("receivedAt"), <ExactTime key="r" value={delivery.receivedAt} className="text-xs" />],
    [t("status"), <StatusBadge key="s" status={delivery.statusCode} />],
    [t("signature"), <SignatureBadge key="g" signature={delivery.signature} />],
    [t("latency"), <span key="l" className="tabular">{formatLatency(delivery.latencyMs, locale)}</span>],
    [t("userAgent"), <code key="u" className="font-mono text-xs break-all">{delivery.userAgent ?? "—"}</code>],
  ];
  return (
    <Card className="self-start">
      <CardHeader className="pb-2">
        <CardTitle>{t("title")}</CardTitle>
        <Link href={`/deliveries/${delivery.id}`} className={buttonVariants({ variant: "link", size: "xs" })}>
          {t("open")}
          <ArrowRight aria-hidden className="size-3.5" />
        </Link>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="space-y-2">
          {rows.map(([label, value]) => (
            <div key={label} className="flex items-center justify-between gap-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="min-w-0 text-right text-sm">{value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="text-xs font-medium text-muted-foreground">{t("siblings", { count: delivery.events.length })}</h3>
          <ul className="mt-2 space-y-1">
            {visibleSiblings(delivery.events, currentId, showAll).map((e) => (
              <li key={e.id}>
                <Link
                  href={`/events/${e.id}`}
                  aria-current={e.id === currentId ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm transition-colors hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                    e.id === currentId && "bg-selected",
                  )}
                >
                  <span className="font-mono text-xs text-muted-foreground">#{e.id}</span>
                  <EventTypeBadge type={e.type} />
                  {e.id === currentId && <span className="ml-auto text-xs text-muted-foreground">{t("thisEvent")}</span>}
                </Link>
              </li>
            ))}
          </ul>
          {!showAll && delivery.events.length > SHOWN_SIBLINGS && (
            <button type="button" onClick={() => setShowAll(true)} className="mt-1 px-2 text-xs font-medium text-primary-soft-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
              {t("showAll", { count: delivery.events.length })}
            </button>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

const SHOWN_SIBLINGS = 8;

// A delivery can carry hundreds of events: show a few around this one until asked for all.
function visibleSiblings<E extends { id: string }>(events: E[], currentId: string, showAll: boolean): E[] {
  if (showAll || events.length <= SHOWN_SIBLINGS) return events;
  const at = Math.max(0, events.findIndex((e) => e.id === currentId));
  const start = Math.min(Math.max(0, at - Math.floor(SHOWN_SIBLINGS / 2)), events.length - SHOWN_SIBLINGS);
  return events.slice(start, start + SHOWN_SIBLINGS);
}
