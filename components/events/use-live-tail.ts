"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useLive } from "@/components/live/live-provider";
import { useToast } from "@/components/ui/toaster";
import type { EventFilters } from "@/lib/events/event-filters";
import { bufferLiveEvents, mergeLiveEvents } from "@/lib/events/merge-live";
import type { EventItem } from "@/lib/events/serialize";
import { eventKeys, fetchLiveEvents, type EventPage } from "@/lib/client/events";

// Past this many held-back events, showing them reloads the list instead of merging one by one.
const MAX_HELD = 1000;
const HIGHLIGHT_MS = 2500;
const FAILURE_TOAST_EVERY_MS = 30_000;

interface Held {
  /** The filters the events were fetched for: a change of filters makes them irrelevant. */
  key: string;
  items: EventItem[];
  /** More arrived than we fetched (or notices were lost): showing them means reloading. */
  stale: boolean;
}

/**
 * Keeps the open timeline current. Each "stored" notice names the id range just written; we fetch those
 * events with the timeline's own filters and merge them in place. While the operator has paused, or has
 * scrolled down to read, new events are held back and counted instead, so nothing moves under them.
 */
export function useLiveTail(filters: EventFilters) {
  const queryClient = useQueryClient();
  const t = useTranslations("events.live");
  const { toast } = useToast();
  const lastFailureToast = useRef(0);
  const filterKey = JSON.stringify(filters);
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState<Held>({ key: filterKey, items: [], stale: false });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  // What the notice handler (async, outside render) needs to know.
  const live = useRef({ paused: false, atTop: true, filters, filterKey });
  useEffect(() => {
    live.current.filters = filters;
    live.current.filterKey = filterKey;
  });
  const current = held.key === filterKey ? held : { key: filterKey, items: [], stale: false };

  const reload = () => queryClient.invalidateQueries({ queryKey: eventKeys.list(live.current.filters) });

  const merge = (items: EventItem[]) => {
    let added: string[] = [];
    queryClient.setQueryData<InfiniteData<EventPage, string | null>>(eventKeys.list(live.current.filters), (old) => {
      if (!old) return old;
      const merged = mergeLiveEvents(old, items);
      added = merged.added;
      return merged.data;
    });
    if (added.length === 0) return;
    setFresh((s) => new Set([...s, ...added]));
    setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !added.includes(id)))), HIGHLIGHT_MS);
  };

  const showHeld = () => {
    if (current.stale || current.items.length > MAX_HELD) void reload();
    else if (current.items.length > 0) merge(current.items);
    setHeld({ key: filterKey, items: [], stale: false });
  };

  const hold = (items: EventItem[], complete: boolean) => {
    const key = live.current.filterKey;
    setHeld((h) => {
      const base = h.key === key ? h : { key, items: [], stale: false };
      return { key, items: bufferLiveEvents(base.items, items), stale: base.stale || !complete };
    });
  };

  const holding = () => live.current.paused || !live.current.atTop;

  useLive({
    onStored: async (notice) => {
      if (notice.minId === null || notice.maxId === null) return;
      const asked = live.current.filterKey;
      let result;
      try {
        result = await fetchLiveEvents(live.current.filters, { minId: notice.minId, maxId: notice.maxId });
      } catch {
        // The next notice or a resync will catch up; one failed fetch must not stop the tail, but the
        // operator should know the list may be behind.
        if (Date.now() - lastFailureToast.current > FAILURE_TOAST_EVERY_MS) {
          lastFailureToast.current = Date.now();
          toast({ tone: "danger", title: t("fetchFailed"), description: t("fetchFailedHint") });
        }
        return;
      }
      if (asked !== live.current.filterKey) return;
      if (holding()) hold(result.items, result.complete);
      else if (result.complete) merge(result.items);
      else void reload();
    },
    onResync: () => {
      if (holding()) hold([], false);
      else void reload();
    },
  });

  return {
    paused,
    pause: () => {
      live.current.paused = true;
      setPaused(true);
    },
    resume: () => {
      live.current.paused = false;
      setPaused(false);
      if (live.current.atTop) showHeld();
    },
    /** The list reports whether it is scrolled to the top; held events are shown on the way back up. */
    setAtTop: (atTop: boolean) => {
      if (atTop === live.current.atTop) return;
      live.current.atTop = atTop;
      if (atTop && !live.current.paused) showHeld();
    },
    heldCount: current.items.length,
    stale: current.stale,
    fresh,
  };
}
