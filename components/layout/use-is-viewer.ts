"use client";

import { useQuery } from "@tanstack/react-query";
import { meQuery } from "@/lib/queries/me";

/**
 * True once /api/me says the member is a viewer. Until then compose entries show (most members who
 * open them may send); viewers who follow one get the 403 page. Stands in for the accounts work's
 * useCan() until that lands.
 */
export function useIsViewer(): boolean {
  return useQuery(meQuery()).data?.role === "viewer";
}
