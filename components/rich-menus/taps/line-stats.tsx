"use client";

import { Info } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { RichMenuTaps } from "@/lib/client/rich-menu-taps";

/** Our count beside LINE's own statistics of the menu — or, when LINE gives none, why not in plain words. */
export function LineStats({ taps }: { taps: RichMenuTaps }) {
  const t = useTranslations("richMenus.taps");
  const format = useFormatter();
  const summary = taps.line.summary;
  const impression = summary?.impression?.metrics;
  const lineTaps = summary?.clicks?.reduce((n, c) => n + c.metrics.count, 0);
  return (
    <Card data-testid="line-stats" data-available={taps.line.available}>
      <CardHeader>
        <div>
          <CardTitle>{t("ours.title")}</CardTitle>
          <CardDescription>{t("ours.description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-3xl font-semibold tabular" data-testid="taps-total">
          {format.number(taps.total)}
          <span className="ml-2 text-sm font-normal text-muted-foreground">{t("ours.taps", { count: taps.total })}</span>
        </p>
        <div className="space-y-1.5 border-t border-border pt-3">
          <h3 className="text-sm font-semibold">{t("line.title")}</h3>
          {taps.line.available && impression ? (
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">{t("line.impressions")}</dt>
                <dd className="tabular">{t("line.metric", { count: format.number(impression.count), friends: format.number(impression.uniqueUsers) })}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">{t("line.clicks")}</dt>
                <dd className="tabular">{format.number(lineTaps ?? 0)}</dd>
              </div>
              {summary?.metricsFrom && summary.metricsTo && (
                <div className="col-span-2 text-xs text-muted-foreground">
                  {t("line.covers", { from: yyyymmdd(summary.metricsFrom), to: yyyymmdd(summary.metricsTo) })}
                </div>
              )}
            </dl>
          ) : (
            <p className="flex items-start gap-2 text-sm text-muted-foreground" data-testid="line-stats-reason">
              <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
              <LineReason available={taps.line.available} code={taps.line.code} reason={taps.line.reason} />
            </p>
          )}
          <p className="text-xs text-muted-foreground">{t("line.differ")}</p>
        </div>
      </CardContent>
    </Card>
  );
}

// The server says why with a code (in the operator's language here) and LINE's own words (kept in English).
function LineReason({ available, code, reason }: { available: boolean; code?: string; reason?: string }) {
  const t = useTranslations("richMenus.taps.line.reason");
  if (available) return <span>{t("belowThreshold")}</span>;
  return (
    <span>
      {t(code === "not_published" || code === "not_available" || code === "error" ? code : "unavailable")}
      {reason && (
        <span lang="en" className="ml-1 italic">
          “{reason}”
        </span>
      )}
    </span>
  );
}

function yyyymmdd(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
