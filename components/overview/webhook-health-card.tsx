"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { errorRate, errorRateHealth, latencyHealth, LINE_TIMEOUT_MS, type HealthLevel } from "@/lib/overview/health";
import type { Overview } from "@/lib/client/overview";
import { cn } from "@/lib/utils/cn";
import { formatLatency } from "@/lib/utils/format";

// The meter's scale marks, up to LINE's 2 s timeout: SI symbols like the read-outs above them.
const TICKS_MS = [0, 500, 1000, 1500, 2000];
const tone = { good: "success", warn: "warning", bad: "danger", unknown: "neutral" } as const;

export function WebhookHealthCard({ webhook }: { webhook: Overview["webhook"] }) {
  const t = useTranslations("overview.health");
  const format = useFormatter();
  const locale = useLocale();
  const rate = errorRate(webhook.deliveries, webhook.failed);
  const rateLevel = errorRateHealth(rate);
  const latencyLevel = latencyHealth(webhook.p99Ms);

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description", { count: webhook.deliveries })}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <div>
          <Row label={t("errorRate")} level={rateLevel}>
            {rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 1 })}
          </Row>
          <p className="mt-1 text-xs text-muted-foreground">
            {webhook.deliveries > 0 ? t("failedOf", { failed: webhook.failed, total: webhook.deliveries }) : t("noRequests")}
          </p>
        </div>
        <div>
          <Row label={t("latency")} level={latencyLevel}>
            <span className="text-muted-foreground">p50</span> {formatLatency(webhook.p50Ms, locale)}
            <span className="mx-1.5 text-border-strong">/</span>
            <span className="text-muted-foreground">p99</span> {formatLatency(webhook.p99Ms, locale)}
          </Row>
          <BudgetMeter p50={webhook.p50Ms} p99={webhook.p99Ms} level={latencyLevel} />
          <p className="mt-2 text-xs text-muted-foreground">{t("budget", { seconds: LINE_TIMEOUT_MS / 1000 })}</p>
        </div>
      </CardContent>
    </Card>
  );
}

function Row({ label, level, children }: { label: string; level: HealthLevel; children: React.ReactNode }) {
  const t = useTranslations("overview.health");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <span className="text-sm text-muted-foreground">{label}</span>
      <span className="flex items-center gap-2">
        <span className="text-base font-semibold tabular">{children}</span>
        <Badge tone={tone[level]}>{t(`level.${level}`)}</Badge>
      </span>
    </div>
  );
}

/** p50 and p99 on a 0–2 s track, the track tinted where latency starts to risk LINE's timeout. */
function BudgetMeter({ p50, p99, level }: { p50: number | null; p99: number | null; level: HealthLevel }) {
  const t = useTranslations("overview.health");
  const format = useFormatter();
  const locale = useLocale();
  const at = (ms: number) => `${Math.min(100, (ms / LINE_TIMEOUT_MS) * 100)}%`;
  return (
    <div className="mt-3">
      <div
        role="img"
        aria-label={t("meterLabel", { p50: p50 ?? 0, p99: p99 ?? 0 })}
        className="relative h-2 rounded-full bg-gradient-to-r from-success-soft via-warning-soft to-danger-soft"
      >
        {p50 !== null && (
          <span
            className="absolute top-1/2 size-2 -translate-x-1/2 -translate-y-1/2 rounded-full bg-foreground/50 ring-2 ring-surface"
            style={{ left: at(p50) }}
          />
        )}
        {p99 !== null && (
          <span
            className={cn(
              "absolute top-1/2 h-4 w-1 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-surface",
              level === "bad" ? "bg-danger" : level === "warn" ? "bg-warning" : "bg-success",
            )}
            style={{ left: at(p99) }}
          />
        )}
      </div>
      <div aria-hidden className="mt-1 flex justify-between text-2xs text-subtle-foreground tabular">
        {TICKS_MS.map((ms) => (
          <span key={ms}>{ms === 0 ? format.number(0) : formatLatency(ms, locale)}</span>
        ))}
      </div>
    </div>
  );
}
