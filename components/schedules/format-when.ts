"use client";

import { useFormatter, useLocale } from "next-intl";
import { zoneName } from "@/lib/utils/date-formats";

/** Weekday, date and a 24-hour time: how a scheduled moment is written everywhere. */
const WHEN = { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "Sat, 2 May 2026, 09:30 GMT+8": a moment on a given zone's clock, the zone named apart (see zoneName). */
export function useFormatWhen() {
  const format = useFormatter();
  const locale = useLocale();
  return (instant: Date | string, timeZone: string) => {
    const date = new Date(instant);
    return `${format.dateTime(date, { ...WHEN, timeZone })} ${zoneName(date, locale, timeZone)}`;
  };
}
