"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { eventFiltersToSearch, parseEventFilters, type EventFilters } from "@/lib/events/event-filters";

export type FilterPatch = { [K in keyof EventFilters]?: string | undefined };

/**
 * The timeline's filters, kept in the URL so a view can be shared. Updates go through the History API
 * (Next keeps useSearchParams in step), so changing a filter refetches the list without a server render.
 */
export function useEventFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseEventFilters(searchParams), [searchParams]);

  const setFilters = useCallback(
    (patch: FilterPatch, mode: "push" | "replace" = "push") => {
      const current = parseEventFilters(new URLSearchParams(window.location.search));
      const search = eventFiltersToSearch({ ...current, ...patch });
      const url = search.size > 0 ? `${pathname}?${search}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  const clearFilters = useCallback(() => window.history.pushState(null, "", pathname), [pathname]);

  return { filters, setFilters, clearFilters };
}
