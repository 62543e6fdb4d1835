"use client";

import { Repeat } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { SendKindBadge } from "@/components/sends/send-badges";
import { messagePreviewText } from "@/components/sends/message-summary";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { RecipientZone, Schedule } from "@/lib/client/schedules";
import { useFormatWhen } from "./format-when";
import { ScheduleActions } from "./schedule-actions";
import { ScheduleStatusBadges, useLateText } from "./schedule-status";
import { RecipientTimesLine } from "./zone-times";

// Fixed widths (the actions' too): each row is a grid of its own, and the columns must line up.
const GRID = "lg:grid-cols-[13rem_7.5rem_minmax(0,1fr)_8rem_9.5rem_12.5rem]";

interface ScheduleListProps {
  items: Schedule[];
  /** Where friends are likely to be: each row says its time there too. */
  likelyZone: RecipientZone | null;
  canEdit: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** Scheduled sends, soonest first: when (here and for the recipients), what, how often, how it stands, by whom. */
export function ScheduleList({ items, likelyZone, canEdit, hasNextPage, isFetchingNextPage, fetchNextPage }: ScheduleListProps) {
  const t = useTranslations("schedules.list");
  return (
    <div className="flex-1">
      <div
        className={`hidden border-b border-border px-4 py-2 text-2xs font-medium tracking-wide text-subtle-foreground uppercase md:px-6 lg:grid lg:gap-3 lg:px-8 ${GRID}`}
      >
        <span>{t("when")}</span>
        <span>{t("kind")}</span>
        <span>{t("message")}</span>
        <span>{t("repeat")}</span>
        <span>{t("status")}</span>
        <span className="sr-only">{t("actions")}</span>
      </div>
      <ul aria-label={t("label")}>
        {items.map((s) => (
          <ScheduleRow key={s.id} schedule={s} likelyZone={likelyZone} canEdit={canEdit} />
        ))}
      </ul>
      {hasNextPage && (
        <div className="flex justify-center py-4">
          <Button onClick={fetchNextPage} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? t("loading") : t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

function ScheduleRow({ schedule: s, likelyZone, canEdit }: { schedule: Schedule; likelyZone: RecipientZone | null; canEdit: boolean }) {
  const t = useTranslations("schedules.list");
  const tType = useTranslations("composer.types");
  const format = useFormatter();
  const formatWhen = useFormatWhen();
  const late = useLateText(s.lastLateMs);
  const messages = (s.request?.messages as unknown[] | undefined) ?? [];
  const summary = messages.length ? messagePreviewText(messages, tType) : t("fromDraft");
  const label = s.title || summary;
  return (
    <li
      data-testid="schedule-row"
      data-schedule-id={s.id}
      className={`grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 border-b border-border px-4 py-3 md:px-6 lg:items-center lg:gap-y-0 lg:px-8 ${GRID}`}
    >
      <div className="col-start-1 row-start-1 min-w-0 lg:col-start-auto lg:row-start-auto">
        <span className="block text-sm font-medium tabular">{formatWhen(s.runAt, s.timeZone)}</span>
        <RecipientTimesLine instant={s.runAt} likelyZone={likelyZone} />
      </div>
      <span className="col-start-2 row-start-1 justify-self-end lg:col-start-auto lg:row-start-auto lg:justify-self-start">
        <SendKindBadge kind={s.kind} />
      </span>
      <div className="col-span-2 row-start-2 min-w-0 lg:col-span-1 lg:row-start-auto">
        {s.title && <span className="block truncate text-sm font-medium">{s.title}</span>}
        <span className={s.title ? "block truncate text-xs text-muted-foreground" : "block truncate text-sm"}>{summary}</span>
        <span className="block truncate text-xs text-subtle-foreground">{t("author", { name: s.author.label })}</span>
        {s.status === "needs_confirmation" && (
          <span className="block text-xs text-warning-soft-foreground" data-testid="needs-confirmation">
            {t("needsConfirmation", { late: late ?? "—" })}
          </span>
        )}
        {s.status === "failed" && s.error?.message && <span className="block text-xs text-danger">{s.error.message}</span>}
      </div>
      <span className="col-start-1 row-start-3 flex items-center gap-1 text-xs text-muted-foreground lg:col-start-auto lg:row-start-auto">
        {s.repeat !== "none" && <Repeat aria-hidden className="size-3.5 shrink-0" />}
        <span>
          {t(`repeats.${s.repeat}`)}
          {s.repeat !== "none" && s.repeatUntil && (
            <span className="block">{t("until", { date: format.dateTime(new Date(s.repeatUntil), { dateStyle: "medium", timeZone: s.timeZone }) })}</span>
          )}
        </span>
      </span>
      <span className="col-start-2 row-start-3 justify-self-end lg:col-start-auto lg:row-start-auto lg:justify-self-start">
        <ScheduleStatusBadges schedule={s} />
      </span>
      <div className="col-span-2 row-start-4 lg:col-span-1 lg:row-start-auto">
        <ScheduleActions schedule={s} canEdit={canEdit} label={label} />
      </div>
    </li>
  );
}

export function ScheduleListSkeleton() {
  return (
    <div aria-busy>
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex gap-4 border-b border-border px-4 py-4 md:px-6 lg:px-8">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-4 w-24" />
        </div>
      ))}
    </div>
  );
}
