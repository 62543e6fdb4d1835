"use client";

import { useFormatter, useLocale, useTimeZone } from "next-intl";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils/cn";
import { EXACT_TIME, SHORT_TIME_SECONDS, zoneName } from "@/lib/utils/date-formats";
import { useSharedNow } from "./use-shared-now";

interface RelativeTimeProps {
  /** ISO 8601 or epoch ms. */
  value: string | number;
  className?: string;
  /** Show the exact time as well, after the relative one. */
  withExact?: boolean;
}

/** "2 min ago", ticking with the page's one clock; the exact time (in the operator's zone, to the millisecond) on hover and focus. */
export function RelativeTime({ value, className, withExact = false }: RelativeTimeProps) {
  const format = useFormatter();
  const now = useSharedNow();
  const date = new Date(value);
  // Something newer than the shared clock (it ticks every few seconds) happened just now, not "in 3 seconds".
  const shown = date.getTime() > now.getTime() ? now : date;
  const exact = useExactTime(date);
  return (
    <Tooltip content={exact}>
      <time dateTime={date.toISOString()} suppressHydrationWarning className={cn("inline-flex max-w-full min-w-0 tabular whitespace-nowrap", className)}>
        {format.relativeTime(shown, now)}
        {withExact && <span className="ml-1.5 text-subtle-foreground">· {format.dateTime(date, SHORT_TIME_SECONDS)}</span>}
      </time>
    </Tooltip>
  );
}

/** The exact time, as text (detail pages). */
export function ExactTime({ value, className }: { value: string | number; className?: string }) {
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className={cn("tabular", className)}>
      {useExactTime(date)}
    </time>
  );
}

function useExactTime(date: Date): string {
  const format = useFormatter();
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  return `${format.dateTime(date, EXACT_TIME)} ${zoneName(date, locale, timeZone)}`;
}
