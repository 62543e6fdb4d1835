"use client";

import { ArrowRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ExactTime } from "@/components/common/relative-time";
import { DeliveryEventList } from "@/components/deliveries/delivery-event-list";
import { SignatureBadge, StatusBadge } from "@/components/deliveries/delivery-badges";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { EventDetail } from "@/lib/client/events";
import { formatLatency } from "@/lib/utils/format";

/** The webhook request this event arrived in, and the other events that came with it. */
export function EventDeliveryCard({ delivery, currentId }: { delivery: EventDetail["delivery"]; currentId: string }) {
  const t = useTranslations("eventDetail.delivery");
  const locale = useLocale();
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
    [
      t("latency"),
      <span key="l" className="tabular">
        {formatLatency(delivery.latencyMs, locale)}
      </span>,
    ],
    [
      t("userAgent"),
      <code key="u" className="font-mono text-xs break-all">
        {delivery.userAgent ?? "—"}
      </code>,
    ],
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
          <h3 className="mb-2 text-xs font-medium text-muted-foreground">{t("siblings", { count: delivery.events.length })}</h3>
          <DeliveryEventList events={delivery.events} currentId={currentId} />
        </div>
      </CardContent>
    </Card>
  );
}
