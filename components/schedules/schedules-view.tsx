"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { CalendarClock, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { MessagesNav } from "@/components/sends/messages-nav";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { parseScheduleView, scheduleListQuery, scheduleWarningsQuery, SCHEDULE_VIEWS, type ScheduleView } from "@/lib/client/schedules";
import { ScheduleList, ScheduleListSkeleton } from "./schedule-list";

/** /messages/scheduled: what is scheduled to go (or went, or was cancelled), filtered in the URL. */
export function SchedulesView({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("schedules");
  const tSends = useTranslations("sends");
  const pathname = usePathname();
  const view = parseScheduleView(useSearchParams().get("status"));
  const setView = (next: ScheduleView) => window.history.pushState(null, "", next === "upcoming" ? pathname : `${pathname}?status=${next}`);
  const query = useInfiniteQuery(scheduleListQuery(view));
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  // Where friends are likely to be is the channel's, not a schedule's: asked once, for now.
  const [now] = useState(() => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString());
  const likely = useQuery(scheduleWarningsQuery(now, "broadcast"));

  return (
    <div className="flex h-full flex-col">
      <div className="space-y-4 px-4 pt-6 pb-4 md:px-6 lg:px-8">
        <PageHeader
          title={tSends("title")}
          description={t("description")}
          actions={
            canEdit && (
              <Link href="/messages/new" className={buttonVariants({ variant: "primary" })}>
                <Plus aria-hidden />
                {tSends("new")}
              </Link>
            )
          }
        />
        <MessagesNav />
      </div>
      <div className="flex flex-wrap items-center gap-2 border-b border-border bg-surface px-4 py-3 md:px-6 lg:px-8">
        <ToggleGroup label={t("views.label")} value={view} onValueChange={setView} items={SCHEDULE_VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
      </div>
      {query.isPending ? (
        <ScheduleListSkeleton />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<CalendarClock />}
          title={t(`empty.${view}.title`)}
          description={t(`empty.${view}.description`)}
          action={
            canEdit &&
            view !== "past" && (
              <Link href="/messages/new" className={buttonVariants({ variant: "primary" })}>
                <Plus aria-hidden />
                {tSends("new")}
              </Link>
            )
          }
        />
      ) : (
        <ScheduleList
          items={items}
          likelyZone={likely.data?.likelyZone ?? null}
          canEdit={canEdit}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={() => void query.fetchNextPage()}
        />
      )}
    </div>
  );
}
