"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef } from "react";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { TimelineReplayButton } from "@/components/relay/timeline-replay-button";
import { countActiveFilters } from "@/lib/events/event-filters";
import { eventListQuery } from "@/lib/client/events";
import { EventFilterBar } from "./event-filter-bar";
import { EventList, EventListSkeleton, type EventListHandle } from "./event-list";
import { EventSheet } from "./event-sheet";
import { HeldEventsPill, LiveTailControl } from "./live-tail-control";
import { TimelineEmpty } from "./timeline-empty";
import { useEventFilters } from "./use-event-filters";
import { useLiveTail } from "./use-live-tail";

// From this width an event opens in a side sheet next to the list; below it, on its own page.
const SHEET_MEDIA = "(min-width: 1280px)";

export function EventTimeline() {
  const t = useTranslations("events");
  const { filters, setFilters, clearFilters } = useEventFilters();
  const query = useInfiniteQuery(eventListQuery(filters));
  const events = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const live = useLiveTail(filters);
  const listRef = useRef<EventListHandle>(null);
  const { selectedId, open, close } = useSelectedEvent();

  const onOpen = useCallback(
    (e: React.MouseEvent, id: string) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0 || !window.matchMedia(SHEET_MEDIA).matches) return;
      e.preventDefault();
      open(id);
    },
    [open],
  );

  return (
    <div className="flex h-full flex-col">
      <div className="px-4 pt-6 pb-4 md:px-6 lg:px-8">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={
            <>
              <TimelineReplayButton filters={filters} />
              <LiveTailControl live={live} />
            </>
          }
        />
      </div>
      <EventFilterBar filters={filters} setFilters={setFilters} clearFilters={clearFilters} />
      <div className="relative flex min-h-0 flex-1 flex-col">
        <HeldEventsPill
          live={live}
          onShow={() => {
            live.resume();
            listRef.current?.scrollToTop();
          }}
        />
        {query.isPending ? (
          <EventListSkeleton />
        ) : query.isError && events.length === 0 ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : events.length === 0 ? (
          <TimelineEmpty filtered={countActiveFilters(filters) > 0} onClear={clearFilters} />
        ) : (
          <EventList
            ref={listRef}
            label={t("list.label")}
            events={events}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            fetchNextPage={() => void query.fetchNextPage()}
            selectedId={selectedId}
            fresh={live.fresh}
            highlight={filters.q}
            onOpen={onOpen}
            onAtTopChange={live.setAtTop}
          />
        )}
      </div>
      <EventSheet eventId={selectedId} onClose={close} />
    </div>
  );
}

/** The event open in the side sheet, as ?event=<id> so the URL can be shared as is. */
function useSelectedEvent() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const selectedId = searchParams.get("event");
  const set = useCallback(
    (id: string | null) => {
      const search = new URLSearchParams(window.location.search);
      if (id) search.set("event", id);
      else search.delete("event");
      window.history.replaceState(null, "", search.size ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );
  return { selectedId: selectedId && /^\d+$/.test(selectedId) ? selectedId : null, open: set, close: useCallback(() => set(null), [set]) };
}
