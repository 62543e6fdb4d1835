"use client";

import { AlarmClockOff, CalendarCheck, CalendarClock, CalendarX, CircleAlert, Hourglass, Send } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Schedule, ScheduleStatus } from "@/lib/client/schedules";

const TONES: Record<ScheduleStatus, BadgeTone> = {
  scheduled: "info",
  needs_confirmation: "warning",
  started: "success",
  cancelled: "neutral",
  failed: "danger",
  finished: "neutral",
};
const ICONS = {
  scheduled: CalendarClock,
  needs_confirmation: Hourglass,
  started: Send,
  cancelled: CalendarX,
  failed: CircleAlert,
  finished: CalendarCheck,
} as const;

/** Where a schedule stands, and whether its last start was late (the console was down at its time). */
export function ScheduleStatusBadges({ schedule }: { schedule: Schedule }) {
  const t = useTranslations("schedules.status");
  const late = useLateText(schedule.lastLateMs);
  const Icon = ICONS[schedule.status];
  return (
    <span className="flex flex-wrap items-center gap-1" data-testid="schedule-status" data-status={schedule.status}>
      <Badge tone={TONES[schedule.status]}>
        <Icon aria-hidden />
        {t(schedule.status)}
      </Badge>
      {schedule.late && late && (
        <Badge tone="warning" data-testid="schedule-late">
          <AlarmClockOff aria-hidden />
          {t("late", { late })}
        </Badge>
      )}
    </span>
  );
}

/** "3 min", "2 h": how late a start was, in the operator's language. */
export function useLateText(ms: number | null): string | null {
  const format = useFormatter();
  if (ms === null || ms < 1000) return null;
  const [value, unit] =
    ms < 60_000 ? [ms / 1000, "second"] : ms < 3_600_000 ? [ms / 60_000, "minute"] : ms < 86_400_000 ? [ms / 3_600_000, "hour"] : [ms / 86_400_000, "day"];
  return format.number(Math.floor(value), { style: "unit", unit, unitDisplay: "short" });
}
