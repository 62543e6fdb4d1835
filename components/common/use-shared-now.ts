"use client";

import { useNow } from "next-intl";
import { useSyncExternalStore } from "react";

// One clock for every relative time on the page. Each <RelativeTime> used to keep its own ticking
// "now", started when it mounted, so in a live list a row added a moment ago could read "1 second ago"
// above an older one reading "now". With one shared clock, every time on screen is measured from the
// same instant, and a list in time order reads in time order.

const TICK_MS = 10_000;
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The page's shared "now" (the server's request time until hydrated, then one ticking clock). */
export function useSharedNow(): Date {
  const serverNow = useNow();
  const value = useSyncExternalStore(
    subscribe,
    () => now,
    () => 0,
  );
  return value ? new Date(value) : serverNow;
}
