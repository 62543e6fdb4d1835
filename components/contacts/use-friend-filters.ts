"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { friendFiltersToUrl, parseFriendFilters, type FriendUrlFilters } from "@/lib/contacts/friend-url-filters";

export type FriendFilterPatch = { [K in keyof FriendUrlFilters]?: FriendUrlFilters[K] | undefined };

/** The friend list's filters, kept in the URL (History API: no server render on each change). */
export function useFriendFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseFriendFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (patch: FriendFilterPatch, mode: "push" | "replace" = "push") => {
      const current = parseFriendFilters(new URLSearchParams(window.location.search));
      const search = friendFiltersToUrl({ ...current, ...patch });
      const url = search.size > 0 ? `${pathname}?${search}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  const clearFilters = useCallback(() => {
    const sort = parseFriendFilters(new URLSearchParams(window.location.search)).sort;
    window.history.pushState(null, "", sort ? `${pathname}?sort=${sort}` : pathname);
  }, [pathname]);
  return { filters, setFilters, clearFilters };
}
