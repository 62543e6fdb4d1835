"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { relayStatsQuery, type RelayHealth, type RelayStats } from "@/lib/client/relay";
import { formatLatency } from "@/lib/utils/format";

// The intake card's bands and colours: good, watch (degraded), at risk (failing); nothing to judge is neutral.
const tone: Record<RelayHealth, BadgeTone> = { good: "success", degraded: "warning", failing: "danger", idle: "neutral", paused: "neutral" };

/** The overview's relay card, once there is a destination: per destination, the last hour and the backlog now. */
export function RelayOverviewCard() {
  const t = useTranslations("relay.overview");
  const query = useQuery(relayStatsQuery());
  const destinations = query.data?.destinations ?? [];
  if (destinations.length === 0) return null;
  return (
    <Card aria-labelledby="relay-overview-title">
      <CardHeader>
        <div>
          <CardTitle id="relay-overview-title">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <Link href="/settings/relay" className={buttonVariants({ variant: "link", size: "xs" })}>
          {t("settings")}
          <ArrowRight aria-hidden className="size-3.5" />
        </Link>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
          {destinations.map((d) => (
            <DestinationStats key={d.id} stats={d} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function DestinationStats({ stats: d }: { stats: RelayStats["destinations"][number] }) {
  const t = useTranslations("relay.overview");
  const th = useTranslations("relay.health");
  const format = useFormatter();
  const locale = useLocale();
  const figures: Array<[string, React.ReactNode]> = [
    [t("successRate"), d.successRate === null ? "—" : format.number(d.successRate, { style: "percent", maximumFractionDigits: 1 })],
    [
      t("latency"),
      // Each percentile stays on one line; a narrow card breaks between them.
      <>
        <span className="whitespace-nowrap">
          <span className="font-normal text-muted-foreground">p50</span> {formatLatency(d.p50Ms, locale)}
        </span>{" "}
        <span className="text-border-strong">/</span>{" "}
        <span className="whitespace-nowrap">
          <span className="font-normal text-muted-foreground">p99</span> {formatLatency(d.p99Ms, locale)}
        </span>
      </>,
    ],
    [t("backlog"), format.number(d.backlog)],
    [t("oldest"), d.oldestPendingMs === null ? "—" : age(d.oldestPendingMs, format)],
  ];
  return (
    <li className="rounded-lg border border-border p-3">
      <div className="flex items-center justify-between gap-2">
        <Link href={`/settings/relay/${d.id}`} className="min-w-0 truncate text-sm font-semibold underline-offset-4 hover:underline">
          {d.name}
        </Link>
        <Badge tone={tone[d.health]}>{th(d.health)}</Badge>
      </div>
      <dl className="mt-2.5 grid grid-cols-2 gap-x-4 gap-y-2">
        {figures.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-sm font-semibold tabular">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-muted-foreground">{t("counts", { succeeded: d.succeeded, failed: d.failed, attempts: d.failedAttempts })}</p>
    </li>
  );
}

// The oldest waiting event's age in the largest unit that says it: 12 s, 4 min, 3 h.
function age(ms: number, format: ReturnType<typeof useFormatter>): string {
  const [value, unit] = ms < 60_000 ? [ms / 1000, "second"] : ms < 3_600_000 ? [ms / 60_000, "minute"] : [ms / 3_600_000, "hour"];
  return format.number(Math.floor(value), { style: "unit", unit, unitDisplay: "short" });
}
