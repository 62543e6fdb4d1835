"use client";

import { CalendarClock, Info, Send, TriangleAlert } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { SCHEDULE_REPEATS, holidayName, type ScheduleRepeat, type ScheduleWarnings } from "@/lib/client/schedules";
import { wallTimeOf } from "@/lib/utils/zoned-date";
import { useScheduleWarnings } from "./use-schedule-warnings";
import { defaultWhen, resolveWhen, type ResolvedWhen, type WhenState } from "./when-state";
import { useCountryName, ZoneTimes } from "./zone-times";

interface ScheduleWhenCardProps {
  when: WhenState;
  onChange: (next: WhenState) => void;
  resolved: ResolvedWhen;
  kind: string;
  /** Editing a schedule: it stays a schedule ("Send now" is not offered). */
  editing?: boolean;
}

/**
 * Send now, or schedule: a date and time on the operator's clock (their zone, which they can change),
 * the same moment where friends are likely to be, repeats, and quiet-hour and holiday warnings.
 */
export function ScheduleWhenCard({ when, onChange, resolved, kind, editing = false }: ScheduleWhenCardProps) {
  const t = useTranslations("schedules.when");
  const warnings = useScheduleWarnings(when.mode === "schedule" && resolved.problem !== "missing" ? resolved.runAt : null, kind);
  const set = (patch: Partial<WhenState>) => onChange({ ...when, ...patch });
  return (
    <Card data-testid="when-card">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t(when.mode === "schedule" ? "descriptionSchedule" : "descriptionNow")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {!editing && (
          <ToggleGroup
            label={t("label")}
            value={when.mode}
            onValueChange={(mode) => {
              // A default chosen when the page opened may have passed since: start from the next hour again.
              if (mode === "schedule" && resolveWhen(when).problem === "past") onChange({ ...defaultWhen(when.timeZone), mode });
              else set({ mode });
            }}
            items={[
              {
                value: "now",
                label: (
                  <>
                    <Send aria-hidden className="size-3.5" />
                    {t("now")}
                  </>
                ),
              },
              {
                value: "schedule",
                label: (
                  <>
                    <CalendarClock aria-hidden className="size-3.5" />
                    {t("schedule")}
                  </>
                ),
              },
            ]}
          />
        )}
        {when.mode === "schedule" && <ScheduleFields when={when} set={set} resolved={resolved} warnings={warnings} />}
      </CardContent>
    </Card>
  );
}

function ScheduleFields({
  when,
  set,
  resolved,
  warnings,
}: {
  when: WhenState;
  set: (patch: Partial<WhenState>) => void;
  resolved: ResolvedWhen;
  warnings: ReturnType<typeof useScheduleWarnings>;
}) {
  const t = useTranslations("schedules.when");
  const zones = useTimeZones(when.timeZone);
  const problem = resolved.problem;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,0.7fr)_minmax(0,1.3fr)]">
        <FormField id="schedule-date" label={t("date")} error={problem === "missing" || problem === "past" ? t(`problems.${problem}`) : null}>
          {(p) => <Input {...p} type="date" required value={when.date} onChange={(e) => set({ date: e.target.value })} />}
        </FormField>
        <FormField id="schedule-time" label={t("time")}>
          {(p) => <Input {...p} type="time" required step={60} value={when.time} onChange={(e) => set({ time: e.target.value })} />}
        </FormField>
        <FormField id="schedule-zone" label={t("zone")}>
          {(p) => (
            <Select {...p} className="w-full" value={when.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      {(resolved.shifted || resolved.ambiguous) && resolved.instant && (
        <Callout tone="info" data-testid="schedule-dst">
          <Info aria-hidden />
          <span>
            {t(resolved.shifted ? "shifted" : "ambiguous", { time: when.time, shown: wallTimeOf(resolved.instant, when.timeZone).time, zone: when.timeZone })}
          </span>
        </Callout>
      )}
      {resolved.instant && problem !== "missing" && (
        <div className="space-y-2">
          <p className="text-xs font-medium text-muted-foreground">{t("elsewhere")}</p>
          <ZoneTimes instant={resolved.instant} likelyZone={warnings.data?.likelyZone ?? null} warnings={warnings.data?.zones} />
          <WarningsCallout instant={resolved.instant} warnings={warnings} />
        </div>
      )}
      <RepeatFields when={when} set={set} problem={problem} />
    </div>
  );
}

function RepeatFields({ when, set, problem }: { when: WhenState; set: (patch: Partial<WhenState>) => void; problem: ResolvedWhen["problem"] }) {
  const t = useTranslations("schedules.when");
  const format = useFormatter();
  // The weekday and day of the month of the chosen date itself (noon UTC is that day everywhere it matters).
  const day = /^\d{4}-\d{2}-\d{2}$/.test(when.date) ? new Date(`${when.date}T12:00:00Z`) : null;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id="schedule-repeat"
        label={t("repeat")}
        hint={
          when.repeat !== "none" && day
            ? t(`repeatHint.${when.repeat}`, { weekday: format.dateTime(day, { weekday: "long", timeZone: "UTC" }), day: day.getUTCDate(), time: when.time })
            : undefined
        }
      >
        {(p) => (
          <Select {...p} className="w-full" value={when.repeat} onChange={(e) => set({ repeat: e.target.value as ScheduleRepeat })}>
            {SCHEDULE_REPEATS.map((r) => (
              <option key={r} value={r}>
                {t(`repeats.${r}`)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {when.repeat !== "none" && (
        <FormField id="schedule-until" label={t("until")} hint={t("untilHint")} error={problem === "untilBeforeStart" ? t("problems.untilBeforeStart") : null}>
          {(p) => <Input {...p} type="date" min={when.date} value={when.until} onChange={(e) => set({ until: e.target.value })} />}
        </FormField>
      )}
    </div>
  );
}

/** What the server found at that moment there: quiet hours, public holidays. Allowed, but said. */
function WarningsCallout({ instant, warnings }: { instant: Date; warnings: { data?: ScheduleWarnings; isError: boolean } }) {
  const t = useTranslations("schedules.when");
  const format = useFormatter();
  const country = useCountryName();
  const locale = useLocale();
  if (warnings.isError) return <p className="text-xs text-muted-foreground">{t("warningsUnavailable")}</p>;
  const found = (warnings.data?.zones ?? []).filter((z) => z.quiet || z.holiday);
  return (
    // Announced once as the moment changes: the list of zones itself is not.
    <div aria-live="polite">
      {found.length > 0 && (
        <Callout tone="warning" data-testid="schedule-warnings">
          <TriangleAlert aria-hidden />
          <div className="space-y-1">
            <p className="font-medium">{t("warningsTitle")}</p>
            <ul className="list-disc space-y-0.5 pl-4 text-xs">
              {found.flatMap((z) => {
                const time = format.dateTime(instant, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: z.zone });
                const date = format.dateTime(instant, { month: "long", day: "numeric", timeZone: z.zone });
                return [
                  z.quiet ? <li key={`${z.zone}-quiet`}>{t("quietWarning", { time, country: country(z.country) })}</li> : null,
                  z.holiday ? (
                    <li key={`${z.zone}-holiday`}>
                      {t("holidayWarning", { date, country: country(z.country), name: holidayName(z.holiday, z.country, locale) })}
                    </li>
                  ) : null,
                ];
              })}
            </ul>
          </div>
        </Callout>
      )}
    </div>
  );
}

/** Every IANA zone the browser knows, the chosen one first if it goes by another name there. */
function useTimeZones(current: string) {
  return useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
}
