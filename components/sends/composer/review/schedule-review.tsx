"use client";

import { CalendarClock, CircleAlert, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useFormatWhen } from "@/components/schedules/format-when";
import type { useSaveSchedule } from "@/components/schedules/use-save-schedule";
import { useScheduleWarnings } from "@/components/schedules/use-schedule-warnings";
import { RecipientTimesLine } from "@/components/schedules/zone-times";
import type { ResolvedWhen, WhenState } from "@/components/schedules/when-state";
import { Button, buttonVariants } from "@/components/ui/button";
import { scheduleConflict } from "@/lib/client/schedules";

/** What the review panel needs to schedule instead of sending now. */
export interface ScheduleReview {
  when: WhenState;
  resolved: ResolvedWhen;
  editing: boolean;
  save: ReturnType<typeof useSaveSchedule>;
  /** Start the edit again from the schedule as it is now (after someone else changed it). */
  reload: () => void;
}

/** In the review's checks: when it will go, or that the time still needs choosing. */
export function ScheduleCheck({ schedule }: { schedule: ScheduleReview }) {
  const t = useTranslations("schedules.review");
  const formatWhen = useFormatWhen();
  const { resolved, when } = schedule;
  if (resolved.problem || !resolved.instant)
    return (
      <li className="flex items-center gap-2 text-danger" data-testid="schedule-check">
        <CircleAlert aria-hidden className="size-4 shrink-0" />
        <span>{t(`problems.${resolved.problem ?? "missing"}`)}</span>
      </li>
    );
  return (
    <li className="flex items-start gap-2" data-testid="schedule-check">
      <CalendarClock aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
      <span className="min-w-0 flex-1">
        {t("at", { when: formatWhen(resolved.instant, when.timeZone) })}
        {when.repeat !== "none" && <span className="block text-xs text-muted-foreground">{t(`repeats.${when.repeat}`)}</span>}
      </span>
    </li>
  );
}

/** The confirmation's "When" row: the operator's clock, the recipients' likely one, whether it repeats. */
export function ScheduleWhenRow({ schedule, kind }: { schedule: ScheduleReview; kind: string }) {
  const t = useTranslations("schedules.review");
  const formatWhen = useFormatWhen();
  const { resolved, when } = schedule;
  const warnings = useScheduleWarnings(resolved.runAt, kind);
  return (
    <>
      <dt className="text-muted-foreground">{t("when")}</dt>
      <dd data-testid="confirm-when">
        <span className="font-medium">{resolved.instant ? formatWhen(resolved.instant, when.timeZone) : "—"}</span>
        {resolved.instant && <RecipientTimesLine instant={resolved.instant} likelyZone={warnings.data?.likelyZone ?? null} />}
        {when.repeat !== "none" && <span className="block text-xs text-muted-foreground">{t(`repeats.${when.repeat}`)}</span>}
      </dd>
    </>
  );
}

/**
 * An edit that lost (409): someone saved the schedule first — start again from theirs — or it started
 * meanwhile, and can no longer change. Said plainly, with the way on.
 */
export function ScheduleConflict({ schedule }: { schedule: ScheduleReview }) {
  const t = useTranslations("schedules.review");
  const conflict = scheduleConflict(schedule.save.error);
  if (!conflict) return null;
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger-soft-foreground"
      data-testid="schedule-conflict"
    >
      <p className="font-medium">{t(`conflict.${conflict}.title`)}</p>
      <p className="text-xs">{t(`conflict.${conflict}.description`)}</p>
      {conflict === "changed" ? (
        <Button size="sm" onClick={schedule.reload}>
          <RotateCw aria-hidden />
          {t("conflict.changed.reload")}
        </Button>
      ) : (
        <Link href="/messages/scheduled" className={buttonVariants({ size: "sm" })}>
          {t("conflict.started.list")}
        </Link>
      )}
    </div>
  );
}
