"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useToast } from "@/components/ui/toaster";
import { ApiError } from "@/lib/client/api-client";
import { createSchedule, scheduleKeys, updateSchedule, type Schedule, type ScheduleKind } from "@/lib/client/schedules";
import { useFormatWhen } from "./format-when";
import type { ResolvedWhen, WhenState } from "./when-state";

interface SaveScheduleParams {
  kind: ScheduleKind;
  body: Record<string, unknown>;
  when: WhenState;
  resolved: ResolvedWhen;
  title: string;
  /** A saved (named) draft the composition came from: a recurring send keeps to it. */
  draftId: string | null;
  /** Editing this schedule (its version is what the edit started from). */
  editing: Schedule | null;
  /** Whether the operator changed the messages or recipients (a draft-based schedule keeps its draft otherwise). */
  bodyChanged: boolean;
  /** The server's field problems, shown on the composer's fields (its paths are inside `request`). */
  onDetails?: (details: Array<{ property: string; message: string }>) => void;
  onSaved?: () => void;
}

/** Create the schedule, or save an edit of one (PATCH with the version it started from); then the list. */
export function useSaveSchedule(p: SaveScheduleParams) {
  const t = useTranslations("schedules");
  const queryClient = useQueryClient();
  const router = useConsoleRouter();
  const { toast } = useToast();
  const formatWhen = useFormatWhen();
  return useMutation({
    mutationFn: () => {
      const { runAt, repeatUntil } = p.resolved;
      if (!runAt) throw new Error("No time chosen");
      const timing = { runAt, timeZone: p.when.timeZone, repeat: p.when.repeat, title: p.title.trim() };
      if (p.editing) {
        const keepsDraft = p.editing.request === null && !p.bodyChanged;
        return updateSchedule(p.editing.id, {
          version: p.editing.version,
          ...timing,
          repeatUntil: p.when.repeat === "none" ? null : repeatUntil,
          ...(keepsDraft ? {} : { request: p.body }),
        });
      }
      return createSchedule({
        kind: p.kind,
        request: p.body,
        ...timing,
        ...(p.when.repeat !== "none" && repeatUntil ? { repeatUntil } : {}),
        ...(p.when.repeat !== "none" && p.draftId ? { draftId: p.draftId } : {}),
      });
    },
    onError: (err) => {
      if (!(err instanceof ApiError) || !err.details?.length) return;
      const inRequest = err.details.filter((d) => d.property.startsWith("request."));
      if (inRequest.length) p.onDetails?.(inRequest.map((d) => ({ ...d, property: d.property.slice("request.".length) })));
    },
    onSuccess: ({ schedule }) => {
      p.onSaved?.();
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      toast({ tone: "success", title: t(p.editing ? "saved" : "created"), description: formatWhen(schedule.runAt, schedule.timeZone) });
      router.push("/messages/scheduled");
    },
  });
}
