"use client";

import { useQuery } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { quotaQuery } from "@/lib/client/messages";
import { lineDate } from "@/lib/utils/format";

/** Broadcast goes to every friend who has not blocked the account: say how many that is, and from what. */
export function BroadcastAudience() {
  const t = useTranslations("composer.broadcast");
  const format = useFormatter();
  const locale = useLocale();
  const quota = useQuery(quotaQuery());
  const b = quota.data?.broadcast;
  return (
    <div className="flex items-start gap-3 rounded-lg border border-border bg-muted/40 p-3">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-warning-soft text-warning-soft-foreground">
        <Megaphone aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 space-y-1">
        <p className="text-sm font-medium">{t("title")}</p>
        {quota.isPending || !b ? (
          <Skeleton className="h-4 w-56" />
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="broadcast-reach">
            {b.basis === "line" && b.date
              ? [
                  t("reachLine", {
                    estimate: b.estimate,
                    followers: b.followers ?? 0,
                    blocks: b.blocks ?? 0,
                    date: format.dateTime(lineDate(b.date), { dateStyle: "medium" }),
                  }),
                  // Only when something changed since LINE's day: "since then 0 followed and 0 blocked" says nothing.
                  ...(b.followsSince || b.blocksSince ? [t("reachSince", { follows: b.followsSince, unfollows: b.blocksSince })] : []),
                ].join(locale === "ja" || locale.startsWith("zh") ? "" : " ")
              : t("reachConsole", { estimate: b.estimate })}
          </p>
        )}
        <p className="text-2xs text-subtle-foreground">{t("hint")}</p>
      </div>
    </div>
  );
}
