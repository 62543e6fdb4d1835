"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { Stat } from "@/lib/campaigns/figures";
import { cn } from "@/lib/utils/cn";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A figure in words: a number; "fewer than 20 (hidden by LINE)" for what LINE hides (never 0); "about N"
 * for an estimate; "N+" for a sum with hidden parts; "—" for what is not known (yet).
 */
export function statText(stat: Stat, t: Translate, number: (n: number) => string): string {
  if (stat.value === null) return stat.hidden ? t("hidden") : "—";
  if (stat.hidden) return t("atLeast", { value: stat.value });
  if (stat.estimate) return t("estimate", { value: stat.value });
  return number(stat.value);
}

/** Why a figure is not a number, for its tooltip and screen readers. */
export function statHint(stat: Stat, t: Translate): string | undefined {
  if (stat.value === null && stat.notReported) return t("notReported");
  if (stat.value === null && !stat.hidden) return t("notYet");
  if (stat.value !== null && stat.hidden) return t("atLeastHint");
  return undefined;
}

export function StatValue({ stat, className }: { stat: Stat; className?: string }) {
  const t = useTranslations("campaigns.figures");
  const format = useFormatter();
  const text = statText(stat, t, (n) => format.number(n));
  const hint = statHint(stat, t);
  return (
    <span
      className={cn("tabular", stat.value === null && "text-muted-foreground", stat.value === null && stat.hidden && "text-xs", className)}
      title={hint}
      data-hidden={stat.hidden ? "true" : undefined}
    >
      {text}
      {hint && stat.value === null && !stat.hidden && <span className="sr-only"> ({hint})</span>}
    </span>
  );
}
