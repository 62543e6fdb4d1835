"use client";

import { Gauge, Info, Loader2, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { costWarnings } from "@/lib/sends/quota-projection";
import { cn } from "@/lib/utils/cn";
import { DATE_AND_MINUTE } from "@/lib/utils/date-formats";
import type { useExpectedRecipients } from "./use-expected-recipients";

type Expected = ReturnType<typeof useExpectedRecipients>;

/**
 * What this send counts against the month (LINE counts one message per person reached: a group's
 * every member), what is left, and the month's projected use, with warnings when the send is more
 * than is left, or more than the month's pace projects.
 */
export function CostLine({ expected }: { expected: Expected }) {
  const t = useTranslations("composer.review.cost");
  const quota = expected.quota.data;
  const count = expected.count;
  const used = quota?.quota.used ?? 0;
  const remaining = quota?.quota.remaining ?? null;
  const projected = quota?.month.projected ?? null;
  const warnings = quota ? costWarnings({ count, used, remaining, projected }) : [];

  return (
    <li className="flex items-start gap-2" data-testid="quota-line">
      <Gauge aria-hidden className="mt-0.5 size-4 shrink-0 text-subtle-foreground" />
      <div className="min-w-0 flex-1 space-y-1">
        <div data-testid="cost" className="font-medium">
          <CostText expected={expected} />
        </div>
        {quota && (
          <p className="text-xs text-muted-foreground" data-testid="cost-remaining">
            {remaining === null || quota.quota.limit === null ? t("unlimited", { used }) : t("remaining", { remaining, limit: quota.quota.limit })}
          </p>
        )}
        {quota && projected !== null && <Projection used={used} projected={projected} elapsed={quota.month.elapsed} end={quota.month.end} />}
        {warnings.map((w) => (
          <p
            key={w}
            data-testid={`cost-warning-${w}`}
            className={cn(
              "flex items-start gap-1.5 rounded-md px-2.5 py-1.5 text-xs",
              w === "over_quota" ? "bg-danger-soft text-danger-soft-foreground" : "bg-warning-soft text-warning-soft-foreground",
            )}
          >
            <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            {t(`warnings.${w}`, { remaining: remaining ?? 0, projected: projected ?? 0, total: used + (count ?? 0) })}
          </p>
        ))}
      </div>
    </li>
  );
}

function CostText({ expected }: { expected: Expected }) {
  const t = useTranslations("composer.review.cost");
  const { count, costBasis, members } = expected;
  if (costBasis === "group" || costBasis === "room") {
    if (members.isPending)
      return (
        <span className="inline-flex items-center gap-1.5 font-normal text-muted-foreground">
          <Loader2 aria-hidden className="size-3.5 animate-spin" />
          {t("counting", { chat: costBasis })}
        </span>
      );
    if (members.isError)
      return <ErrorMessage error={members.error} lead={t("membersUnknown", { chat: costBasis })} hideDetails className="font-normal text-muted-foreground" />;
  }
  if (count === null) return <span className="font-normal text-muted-foreground">{t("unknown")}</span>;
  if (count === 0) return <span className="font-normal text-muted-foreground">{t("nobody")}</span>;
  switch (costBasis) {
    case "user":
      return t("user");
    case "group":
    case "room":
      return t("members", { count, chat: costBasis });
    case "recipients":
      return t("recipients", { count });
    case "estimate":
      return t("estimate", { count });
  }
}

/** The month's use at its pace so far; how that is worked out is one tap away (tooltips need a pointer). */
function Projection({ used, projected, elapsed, end }: { used: number; projected: number; elapsed: number; end: string }) {
  const t = useTranslations("composer.review.cost");
  const format = useFormatter();
  return (
    <p className="flex items-center gap-1 text-xs text-muted-foreground" data-testid="cost-projection">
      <span>{t("projected", { projected })}</span>
      <Popover>
        <PopoverTrigger
          aria-label={t("projectionHelp")}
          className="inline-flex size-5 items-center justify-center rounded-sm text-subtle-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <Info aria-hidden className="size-3.5" />
        </PopoverTrigger>
        <PopoverContent className="max-w-72 text-xs leading-relaxed" side="top">
          {t("projectionExplain", {
            used,
            elapsed: format.number(elapsed, { style: "percent" }),
            end: format.dateTime(new Date(end), { ...DATE_AND_MINUTE, timeZone: "Asia/Tokyo" }),
          })}
        </PopoverContent>
      </Popover>
    </p>
  );
}
