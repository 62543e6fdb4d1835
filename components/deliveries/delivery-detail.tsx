"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { RelaySection } from "@/components/relay/relay-section";
import { ExactTime, RelativeTime } from "@/components/common/relative-time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import type { DeliveryDetailItem } from "@/lib/webhook/serialize-delivery";
import { deliveryDetailQuery } from "@/lib/client/deliveries";
import { formatBytes, formatLatency } from "@/lib/utils/format";
import { RejectionReason, SignatureBadge, StatusBadge, VerifyBadge } from "./delivery-badges";
import { DeliveryEventList } from "./delivery-event-list";

export function DeliveryDetail({ id }: { id: string }) {
  const query = useQuery(deliveryDetailQuery(id));
  if (query.isPending) return <DeliveryDetailSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <DeliveryDetailBody delivery={query.data} />;
}

function DeliveryDetailBody({ delivery }: { delivery: DeliveryDetailItem }) {
  const t = useTranslations("deliveries.detail");
  const tc = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const body = useMemo(() => prettyBody(delivery.body, delivery.bodyTruncated), [delivery.body, delivery.bodyTruncated]);
  const storedBytes = new TextEncoder().encode(delivery.body).length;

  const rows: Array<[string, React.ReactNode]> = [
    [
      t("receivedAt"),
      <span key="r">
        <ExactTime value={delivery.receivedAt} />{" "}
        <span className="text-xs text-muted-foreground">
          (<RelativeTime value={delivery.receivedAt} />)
        </span>
      </span>,
    ],
    [t("status"), <StatusBadge key="s" status={delivery.statusCode} />],
    [t("signature"), <SignatureBadge key="g" signature={delivery.signature} />],
    [
      t("latency"),
      <span key="l" className="tabular">
        {formatLatency(delivery.latencyMs, locale)}
      </span>,
    ],
    [
      t("eventCount"),
      <span key="e" className="tabular">
        {format.number(delivery.eventCount)}
      </span>,
    ],
    [
      t("bodySize"),
      <span key="b" className="tabular">
        {formatBytes(delivery.bodyBytes, locale)}
      </span>,
    ],
    [
      t("destination"),
      delivery.destination ? (
        <code key="d" className="font-mono text-xs break-all">
          {delivery.destination}
        </code>
      ) : (
        "—"
      ),
    ],
    [
      t("userAgent"),
      <code key="u" className="font-mono text-xs break-all">
        {delivery.userAgent ?? "—"}
      </code>,
    ],
  ];

  return (
    <div className="space-y-5">
      {delivery.reason && (
        <section aria-labelledby="rejected-because" className="rounded-lg border border-danger/25 bg-danger-soft/60 px-4 py-3 text-sm">
          <h2 id="rejected-because" className="text-xs font-medium tracking-wide text-danger-soft-foreground uppercase">
            {t("rejectedBecause")}
          </h2>
          <RejectionReason reason={delivery.reason} detail={delivery.reasonDetail} className="mt-1 block" />
        </section>
      )}
      <div className="grid gap-5 xl:grid-cols-[22rem_minmax(0,1fr)]">
        <div className="space-y-5">
          <Card>
            <CardHeader className="pb-2">
              <CardTitle>{t("request")}</CardTitle>
              {delivery.isVerify && <VerifyBadge />}
            </CardHeader>
            <CardContent>
              <dl className="space-y-2.5">
                {rows.map(([label, value]) => (
                  <div key={label} className="grid grid-cols-[7.5rem_minmax(0,1fr)] items-baseline gap-3">
                    <dt className="text-xs text-muted-foreground">{label}</dt>
                    <dd className="min-w-0 text-sm">{value}</dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="pb-2">
              <CardTitle>{t("events", { count: delivery.events.length })}</CardTitle>
            </CardHeader>
            <CardContent>
              {delivery.events.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  {delivery.isVerify ? t("noEventsVerify") : delivery.reason ? t("noEventsRejected") : t("noEventsDuplicate")}
                </p>
              ) : (
                <DeliveryEventList events={delivery.events} />
              )}
            </CardContent>
          </Card>
          {/* A cut-off body cannot be signed as LINE sent it: no fixture of it. */}
          <RelaySection of={{ kind: "delivery", id: delivery.id }} fixtureBody={delivery.bodyTruncated ? null : delivery.body} />
        </div>
        <section className="min-w-0 space-y-2">
          {delivery.bodyPurgedAt ? (
            <>
              <h2 className="text-sm font-medium">{t("rawBody")}</h2>
              <p className="rounded-lg border border-dashed px-4 py-3 text-sm text-muted-foreground">
                {t("bodyPurged", { date: format.dateTime(new Date(delivery.bodyPurgedAt), { dateStyle: "medium" }) })}
              </p>
            </>
          ) : (
            <CodeBlock
              code={body.text}
              language={body.json ? "json" : "text"}
              label={t("rawBody")}
              maxHeight="40rem"
              title={
                <h2>
                  {t("rawBody")}
                  <span className="ml-2 font-normal text-subtle-foreground">{body.json ? t("formatJson") : t("formatRaw")}</span>
                </h2>
              }
              toolbar={<CopyButton value={delivery.body} label={t("copyBody")} copiedLabel={tc("copied")} showLabel />}
            />
          )}
          {delivery.bodyTruncated && (
            <p className="text-xs text-muted-foreground">
              {t("truncated", { kept: formatBytes(storedBytes, locale), total: formatBytes(delivery.bodyBytes, locale) })}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

// Pretty-print what parses as JSON; anything else (or a cut-off sample) is shown exactly as received.
function prettyBody(body: string, truncated: boolean): { text: string; json: boolean } {
  if (!truncated) {
    try {
      return { text: JSON.stringify(JSON.parse(body), null, 2), json: true };
    } catch {}
  }
  return { text: body, json: false };
}

function DeliveryDetailSkeleton() {
  return (
    <div className="grid gap-5 xl:grid-cols-[22rem_minmax(0,1fr)]" aria-busy>
      <Card className="space-y-3 p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-4" style={{ width: `${55 + ((i * 13) % 40)}%` }} />
        ))}
      </Card>
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
