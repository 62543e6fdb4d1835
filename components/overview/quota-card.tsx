"use client";

import { useQuery } from "@tanstack/react-query";
import { Reply } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { quotaQuery } from "@/lib/client/messages";
import { cn } from "@/lib/utils/cn";
import { DATE_AND_MINUTE } from "@/lib/utils/date-formats";

/**
 * The month's messages as LINE counts them (UTC+9): used of the quota, the use projected to the month's
 * end, and how many messages free replies saved. Read from LINE when the page opens (not with the page:
 * LINE being slow must not hold the overview up).
 */
export function QuotaCard() {
  const t = useTranslations("overview.quota");
  const format = useFormatter();
  const query = useQuery(quotaQuery());
  const data = query.data;
  const limit = data?.quota.limit ?? null;
  const used = data?.quota.used ?? 0;
  const projected = data?.month.projected ?? null;
  const share = (n: number) => (limit ? `${Math.min(100, (n / limit) * 100)}%` : "0%");

  return (
    <Card data-testid="quota-card">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {query.isPending ? (
          <div className="space-y-2" aria-busy>
            <Skeleton className="h-7 w-40" />
            <Skeleton className="h-2 w-full" />
            <Skeleton className="h-4 w-64" />
          </div>
        ) : query.isError ? (
          <ErrorMessage error={query.error} lead={t("failed")} className="text-sm text-danger" />
        ) : (
          <div className="grid gap-5 lg:grid-cols-3">
            <div>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="text-2xl font-semibold tracking-tight tabular">{format.number(used)}</span>
                <span className="text-sm text-muted-foreground">{limit === null ? t("usedUnlimited") : t("usedOf", { limit })}</span>
              </p>
              {limit !== null && (
                <>
                  <div
                    role="img"
                    aria-label={t("meterLabel", { used, limit, projected: projected ?? used })}
                    className="relative mt-2 h-2 overflow-hidden rounded-full bg-muted"
                  >
                    {projected !== null && (
                      <div
                        className={cn("absolute inset-y-0 left-0 rounded-full", projected > limit ? "bg-warning/40" : "bg-primary/25")}
                        style={{ width: share(projected) }}
                      />
                    )}
                    <div className="absolute inset-y-0 left-0 rounded-full bg-primary" style={{ width: share(used) }} />
                  </div>
                  <p className="mt-1.5 text-xs text-muted-foreground">{t("remaining", { remaining: data!.quota.remaining ?? 0 })}</p>
                </>
              )}
            </div>
            <div className="space-y-0.5 text-sm" data-testid="quota-projection">
              <p className={cn(limit !== null && projected !== null && projected > limit && "font-medium text-warning-soft-foreground")}>
                {projected !== null
                  ? t(limit !== null && projected > limit ? "projectedOver" : "projected", { projected, limit: limit ?? 0 })
                  : t(used === 0 ? "nothingUsed" : "tooEarly")}
              </p>
              <p className="text-xs text-muted-foreground">
                {t("projectionExplain", { end: format.dateTime(new Date(data!.month.end), { ...DATE_AND_MINUTE, timeZone: "Asia/Tokyo" }) })}
              </p>
            </div>
            <div className="flex items-start gap-2 self-start rounded-md bg-success-soft px-3 py-2 text-success-soft-foreground" data-testid="replies-saved">
              <Reply aria-hidden className="mt-0.5 size-4 shrink-0" />
              <div className="min-w-0">
                <p className="text-sm font-medium">{t("repliesSaved", { count: data!.repliesSaved })}</p>
                <p className="text-xs opacity-90">{t("repliesSavedHint")}</p>
              </div>
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
