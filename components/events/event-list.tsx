"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useEffect, useImperativeHandle, useRef } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { EventItem } from "@/lib/events/serialize";
import { cn } from "@/lib/utils/cn";
import { EventRow, ROW_GRID } from "./event-row";

export interface EventListHandle {
  scrollToTop: () => void;
}

interface EventListProps {
  events: EventItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  selectedId: string | null;
  fresh: ReadonlySet<string>;
  highlight?: string;
  onOpen: (e: React.MouseEvent, id: string) => void;
  onAtTopChange: (atTop: boolean) => void;
  ref?: React.Ref<EventListHandle>;
  label: string;
}

const ESTIMATED_ROW = 44;
// Start fetching the next page this many rows before the end, so scrolling rarely waits.
const PREFETCH_ROWS = 15;

/** The timeline, virtualised: only the rows in view (plus a margin) are in the DOM, however long it gets. */
export function EventList({
  events,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  selectedId,
  fresh,
  highlight,
  onOpen,
  onAtTopChange,
  ref,
  label,
}: EventListProps) {
  const t = useTranslations("events.list");
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise; this
  // project does not run the compiler, so the lint notice is informational.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length + 1,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 12,
    getItemKey: (i) => events[i]?.id ?? "footer",
    // Server render: assume a laptop-sized viewport so the first rows are in the HTML.
    initialRect: { width: 1200, height: 900 },
  });
  useImperativeHandle(ref, () => ({ scrollToTop: () => scrollRef.current?.scrollTo({ top: 0, behavior: "smooth" }) }), []);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= events.length - PREFETCH_ROWS) fetchNextPage();
  }, [lastIndex, events.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Feed keyboard pattern: ↓/↑ (or j/k) move between rows; Enter opens the focused one.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    const from = (e.target as HTMLElement).closest<HTMLElement>("[data-index]");
    if (!step || !from || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(from.dataset.index) + step;
    if (index < 0 || index >= events.length) return;
    e.preventDefault();
    virtualizer.scrollToIndex(index, { align: "auto" });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`)?.focus({ preventScroll: true }));
  };

  return (
    <div
      ref={scrollRef}
      onKeyDown={onKeyDown}
      onScroll={(e) => onAtTopChange(e.currentTarget.scrollTop < 8)}
      className="min-h-0 flex-1 overflow-y-auto scrollbar-thin"
      role="feed"
      aria-label={label}
      aria-busy={isFetchingNextPage}
    >
      <ColumnHeader />
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const event = events[row.index];
          return (
            <div
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full"
              style={{ transform: `translateY(${row.start}px)` }}
              role={event ? "article" : undefined}
              aria-posinset={event ? row.index + 1 : undefined}
              aria-setsize={event ? (hasNextPage ? -1 : events.length) : undefined}
            >
              {event ? (
                <EventRow event={event} selected={event.id === selectedId} fresh={fresh.has(event.id)} highlight={highlight} onOpen={onOpen} />
              ) : (
                <div className="flex h-14 items-center justify-center text-xs text-subtle-foreground">
                  {isFetchingNextPage ? t("loadingMore") : hasNextPage ? "" : t("end", { count: events.length })}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ColumnHeader() {
  const t = useTranslations("events.list.columns");
  return (
    <div
      aria-hidden
      className={cn(
        "sticky top-0 z-10 hidden border-b border-border bg-background/95 px-6 py-1.5 lg:px-8 text-2xs font-medium tracking-wide text-subtle-foreground uppercase backdrop-blur lg:grid lg:gap-x-3",
        ROW_GRID,
      )}
    >
      <span>{t("time")}</span>
      <span>{t("type")}</span>
      <span>{t("source")}</span>
      <span>{t("summary")}</span>
      <span />
    </div>
  );
}

export function EventListSkeleton() {
  return (
    <div aria-hidden className="flex-1 overflow-hidden">
      {Array.from({ length: 14 }, (_, i) => (
        <div key={i} className={cn("grid grid-cols-[minmax(0,1fr)_auto] items-center gap-3 border-b border-border px-4 py-3 md:px-6 lg:px-8", ROW_GRID)}>
          <Skeleton className="hidden h-3 w-16 lg:block" />
          <Skeleton className="h-5 w-20" />
          <Skeleton className="hidden h-3 w-24 lg:block" />
          <Skeleton className="hidden h-3 lg:block" style={{ width: `${40 + ((i * 23) % 50)}%` }} />
          <Skeleton className="h-3 w-12 lg:hidden" />
        </div>
      ))}
    </div>
  );
}
