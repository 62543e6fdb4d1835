"use client";

import { Moon, PartyPopper, Star } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { RECIPIENT_ZONES, holidayName, type RecipientZone, type ZoneWarning } from "@/lib/client/schedules";
import { cn } from "@/lib/utils/cn";
import { zoneName } from "@/lib/utils/date-formats";

/** Weekday, day and 24-hour time: enough to see a moment falls at night or on another day there. */
const ZONE_TIME = { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** Taipei, Tokyo and Bangkok, the zone most friends are likely in first. */
export function orderedZones(likely: RecipientZone | null) {
  return [...RECIPIENT_ZONES].sort((a, b) => Number(b.zone === likely) - Number(a.zone === likely));
}

/** A country's name in the operator's language ("台灣", "タイ"…), from the browser's own data. */
export function useCountryName() {
  const locale = useLocale();
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return (code: string) => names.of(code) ?? code;
}

/**
 * The same moment where the recipients are likely to be, with what the server knows of it there
 * (quiet hours, a public holiday). Warnings only: nothing here stops a schedule.
 */
export function ZoneTimes({
  instant,
  likelyZone,
  warnings,
  className,
}: {
  instant: Date;
  likelyZone: RecipientZone | null;
  warnings: ZoneWarning[] | undefined;
  className?: string;
}) {
  const t = useTranslations("schedules.zones");
  const format = useFormatter();
  const locale = useLocale();
  const country = useCountryName();
  return (
    <ul aria-label={t("label")} className={cn("divide-y divide-border rounded-md border border-border", className)} data-testid="zone-times">
      {orderedZones(likelyZone).map(({ zone, country: code }) => {
        const w = warnings?.find((x) => x.zone === zone);
        return (
          <li key={zone} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-zone={zone}>
            <span className="min-w-28 font-medium">
              {country(code)}
              <span className="ml-1.5 text-xs font-normal text-muted-foreground">{zoneName(instant, locale, zone)}</span>
            </span>
            <span className="tabular">{format.dateTime(instant, { ...ZONE_TIME, timeZone: zone })}</span>
            <span className="ml-auto flex flex-wrap gap-1">
              {zone === likelyZone && (
                <Badge tone="info">
                  <Star aria-hidden />
                  {t("likely")}
                </Badge>
              )}
              {w?.quiet && (
                <Badge tone="warning">
                  <Moon aria-hidden />
                  {t("quiet")}
                </Badge>
              )}
              {w?.holiday && (
                <Badge tone="warning" title={holidayName(w.holiday, w.country, locale)}>
                  <PartyPopper aria-hidden />
                  {t("holiday")}
                </Badge>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One line for tight places (a list row, the confirmation): the time where friends are likely to be,
 * or — when the console cannot tell where — in all three countries.
 */
export function RecipientTimesLine({ instant, likelyZone, className }: { instant: Date | string; likelyZone: RecipientZone | null; className?: string }) {
  const t = useTranslations("schedules.zones");
  const format = useFormatter();
  const country = useCountryName();
  const date = new Date(instant);
  const zones = likelyZone ? RECIPIENT_ZONES.filter((z) => z.zone === likelyZone) : RECIPIENT_ZONES;
  const text = zones.map((z) => `${country(z.country)} ${format.dateTime(date, { ...ZONE_TIME, timeZone: z.zone })}`).join(" · ");
  return (
    <span className={cn("block text-xs text-muted-foreground", className)} data-testid="recipient-times">
      {likelyZone ? t("likelyLine", { time: text }) : text}
    </span>
  );
}
