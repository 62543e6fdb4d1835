"use client";

import { useQuery } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { quotaQuery } from "@/lib/queries/messages";

/** Broadcast goes to every friend who has not blocked the account: say how many that is. */
export function BroadcastAudience() {
  const t = useTranslations("composer.broadcast");
  const format = useFormatter();
  const quota = useQuery(quotaQuery());
  const f = quota.data?.followers;
  return (
    <div className="flex items-start gap-3 rounded-lg border border-border bg-muted/40 p-3">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-warning-soft text-warning-soft-foreground">
        <Megaphone aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-medium">{t("title")}</p>
        {quota.isPending ? (
          <Skeleton className="h-4 w-56" />
        ) : f ? (
          <p className="text-sm text-muted-foreground" data-testid="broadcast-reach">
            {t("reach", { followers: f.followers ?? 0, reach: f.targetedReaches ?? 0, date: format.dateTime(new Date(`${f.date.slice(0, 4)}-${f.date.slice(4, 6)}-${f.date.slice(6, 8)}T00:00:00`), { dateStyle: "medium" }) })}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{t("reachUnknown")}</p>
        )}
        <p className="text-2xs text-subtle-foreground">{t("hint")}</p>
      </div>
    </div>
  );
}
