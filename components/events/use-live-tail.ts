"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLive } from "@/components/live/live-provider";
import type { EventFilters } from "@/lib/events/event-filters";
import { bufferLiveEvents, mergeLiveEvents } from "@/lib/events/merge-live";
import type { EventItem } from "@/lib/events/serialize";
import { eventKeys, fetchLiveEvents, type EventPage } from "@/lib/queries/events";

// Past this many held-back events, resuming reloads the list instead of merging them one by one.
const MAX_BUFFER = 1000;
const HIGHLIGHT_MS = 2500;

/**
 * Keeps the open timeline current. Each "stored" notice names the id range just written; we fetch those
 * events with the timeline's own filters and merge them in place. While the operator has paused, or has
 * scrolled down to read, new events are held back and counted instead, so nothing moves under them.
 */
export function useLiveTail(filters: EventFilters, options: { atTop: boolean }) {
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<EventItem[]>([]);
  const [stale, setStale] = useState(false);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const holding = paused || !options.atTop;
  const holdingRef = useRef(holding);
  const filtersRef = useRef(filters);
  useEffect(() => {
    holdingRef.current = holding;
    filtersRef.current = filters;
  });

  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: eventKeys.list(filtersRef.current) }), [queryClient]);

  const merge = useCallback(
    (items: EventItem[]) => {
      let added: string[] = [];
      queryClient.setQueryData<InfiniteData<EventPage, string | null>>(eventKeys.list(filtersRef.current), (old) => {
        if (!old) return old;
        const merged = mergeLiveEvents(old, items);
        added = merged.added;
        return merged.data;
      });
      if (added.length > 0) {
        setFresh((s) => new Set([...s, ...added]));
        setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !added.includes(id)))), HIGHLIGHT_MS);
      }
    },
    [queryClient],
  );

  // Filters changed: whatever was held back belongs to the old list.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    setHeld([]);
    setStale(false);
  }, [filterKey]);

  useLive({
    onStored: async (notice) => {
      if (notice.minId === null || notice.maxId === null) return;
      const asked = filtersRef.current;
      let result;
      try {
        result = await fetchLiveEvents(asked, { minId: notice.minId, maxId: notice.maxId });
      } catch {
        // The next notice or a resync will catch up; one failed fetch must not break the tail.
        return;
      }
      if (asked !== filtersRef.current) return;
      if (holdingRef.current) {
        setHeld((h) => bufferLiveEvents(h, result.items));
        if (!result.complete) setStale(true);
      } else if (result.complete) {
        merge(result.items);
      } else {
        void reload();
      }
    },
    onResync: () => {
      if (holdingRef.current) setStale(true);
      else void reload();
    },
  });

  // Back at the top (or resumed): show what was held.
  useEffect(() => {
    if (holding || (held.length === 0 && !stale)) return;
    if (stale || held.length > MAX_BUFFER) void reload();
    else merge(held);
    setHeld([]);
    setStale(false);
  }, [holding, held, stale, merge, reload]);

  return {
    paused,
    pause: () => setPaused(true),
    resume: () => setPaused(false),
    /** Events that arrived while held back (matching the filters). */
    heldCount: held.length,
    /** Held back, and more came than we could fetch: resuming reloads. */
    stale,
    fresh,
  };
}
