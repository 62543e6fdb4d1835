"use client";

import { useFormatter, useNow } from "next-intl";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils/cn";

interface RelativeTimeProps {
  /** ISO 8601 or epoch ms. */
  value: string | number;
  className?: string;
  /** Show the exact time as well, after the relative one. */
  withExact?: boolean;
}

/** "2 min ago", ticking; the exact time (in the operator's zone, to the millisecond) on hover and focus. */
export function RelativeTime({ value, className, withExact = false }: RelativeTimeProps) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  const date = new Date(value);
  const exact = format.dateTime(date, EXACT);
  return (
    <Tooltip content={exact}>
      <time dateTime={date.toISOString()} suppressHydrationWarning tabIndex={-1} className={cn("tabular whitespace-nowrap", className)}>
        {format.relativeTime(date, now)}
        {withExact && <span className="ml-1.5 text-subtle-foreground">· {format.dateTime(date, SHORT)}</span>}
      </time>
    </Tooltip>
  );
}

/** The exact time, as text (detail pages). */
export function ExactTime({ value, className }: { value: string | number; className?: string }) {
  const format = useFormatter();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className={cn("tabular", className)}>
      {format.dateTime(date, EXACT)}
    </time>
  );
}

const EXACT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  timeZoneName: "short",
} as const;

const SHORT = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" } as const;
