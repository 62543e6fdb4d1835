"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";
import { scheduleWarningsQuery } from "@/lib/client/schedules";

/**
 * Quiet hours and holidays at the chosen moment where friends are likely to be, from the server (its
 * holiday calendars). Asked again as the moment changes, not on every keystroke.
 */
export function useScheduleWarnings(runAt: string | null, kind: string) {
  const at = useDeferredValue(runAt);
  return useQuery({ ...scheduleWarningsQuery(at ?? "", kind), enabled: at !== null });
}
