"use client";

import { Activity, HeartPulse, Radio, UserPlus } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { RelativeTime } from "@/components/common/relative-time";
import { StatusDot } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { errorRate, errorRateHealth, latencyHealth, worstHealth } from "@/lib/overview/health";
import type { Overview } from "@/lib/client/overview";

export function StatCards({ overview }: { overview: Overview }) {
  const t = useTranslations("overview.stats");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const total24h = sum(overview.perType24h);
  const total7d = sum(overview.perType7d);
  const count = (type: string) => overview.perType24h.find((p) => p.type === type)?.count ?? 0;
  const { deliveries, failed, p99Ms } = overview.webhook;
  const health = worstHealth(errorRateHealth(errorRate(deliveries, failed)), latencyHealth(p99Ms));
  const tone = { good: "success", warn: "warning", bad: "danger", unknown: "neutral" } as const;

  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Stat icon={<Activity />} label={t("events24h")} value={format.number(total24h)} sub={t("events7d", { count: total7d })} />
      <Stat icon={<UserPlus />} label={t("follows24h")} value={format.number(count("follow"))} sub={t("unfollows", { count: count("unfollow") })} />
      <Stat
        icon={<Radio />}
        label={t("lastWebhook")}
        value={overview.lastDeliveryAt ? <RelativeTime value={overview.lastDeliveryAt} /> : t("never")}
        sub={overview.lastEventAt ? t("lastEvent", { time: format.relativeTime(new Date(overview.lastEventAt), now) }) : t("noEventsYet")}
      />
      <Stat
        icon={<HeartPulse />}
        label={t("webhookStatus")}
        value={
          <span className="flex items-center gap-2">
            <StatusDot tone={tone[health]} className="size-2.5" />
            {t(`health.${health}`)}
          </span>
        }
        sub={t("requests24h", { count: deliveries })}
      />
    </div>
  );
}

function Stat({ icon, label, value, sub }: { icon: React.ReactNode; label: string; value: React.ReactNode; sub: React.ReactNode }) {
  return (
    <Card className="flex flex-col p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 className="truncate text-xs font-medium text-muted-foreground">{label}</h2>
        <span aria-hidden className="text-subtle-foreground [&_svg]:size-4">
          {icon}
        </span>
      </div>
      <div className="mt-2 truncate text-2xl font-semibold tracking-tight tabular">{value}</div>
      {/* Relative times here can cross a minute between server render and hydration. */}
      <div className="mt-1 truncate text-xs text-muted-foreground" suppressHydrationWarning>
        {sub}
      </div>
    </Card>
  );
}

function sum(rows: Array<{ count: number }>) {
  return rows.reduce((n, r) => n + r.count, 0);
}
