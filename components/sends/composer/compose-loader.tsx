"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorState } from "@/components/common/error-state";
import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";
import { initialState, segmentOf } from "@/lib/sends/composer/compose-state";
import type { SendKind } from "@/lib/sends/send-schemas";
import { draftQuery, sendDetailQuery, sendRecipientsQuery } from "@/lib/client/messages";
import { scheduleKeys, scheduleQuery } from "@/lib/client/schedules";
import { ComposePage, stateFrom } from "./compose-page";

interface ComposeLoaderProps {
  kind?: SendKind;
  draftId?: string;
  copyDraftId?: string;
  fromSendId?: string;
  /** Push: start with this user, group or room ("Send a push instead" from a reply). */
  to?: string;
  /** Multicast: start with this saved segment (from the segment's page). */
  segment?: string;
  /** Edit this scheduled send. */
  scheduleId?: string;
}

/** Opens the composer fresh, on a draft, on a copy of a draft, or on a copy of an earlier send. */
export function ComposeLoader({ kind, draftId, copyDraftId, fromSendId, to, segment, scheduleId }: ComposeLoaderProps) {
  const queryClient = useQueryClient();
  const schedule = useQuery({ ...scheduleQuery(scheduleId ?? ""), enabled: Boolean(scheduleId) });
  // A schedule that sends its saved draft at each start (no body of its own) is edited on that draft.
  const scheduleDraftId = schedule.data && schedule.data.schedule.request === null ? schedule.data.schedule.draftId : null;
  const scheduleDraft = useQuery({ ...draftQuery(scheduleDraftId ?? ""), enabled: Boolean(scheduleDraftId) });
  const draftKey = draftId ?? copyDraftId;
  const draft = useQuery({ ...draftQuery(draftKey ?? ""), enabled: Boolean(draftKey) });
  const send = useQuery({ ...sendDetailQuery(fromSendId ?? ""), enabled: Boolean(fromSendId), refetchInterval: false });
  // A multicast to user ids keeps them in its requests, not in its detail: they are fetched on their own
  // (not a test send's: its recipients were the test recipients of the day, not part of the message).
  const idsNeeded = send.data?.kind === "multicast" && !send.data.isTest && segmentOf((send.data.request as { segment?: unknown } | null)?.segment) === null;
  const recipients = useQuery({ ...sendRecipientsQuery(fromSendId ?? ""), enabled: Boolean(fromSendId) && idsNeeded });

  if (scheduleId) {
    if (schedule.isPending || (scheduleDraftId && scheduleDraft.isPending)) return <DetailPageSkeleton />;
    if (schedule.isError) return <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;
    if (scheduleDraftId && scheduleDraft.isError) return <ErrorState error={scheduleDraft.error} onRetry={() => void scheduleDraft.refetch()} />;
    const s = schedule.data.schedule;
    const body = s.request ?? scheduleDraft.data?.body ?? {};
    return (
      <ComposePage
        // A new version (someone else's edit, reloaded) starts the composer afresh.
        key={`schedule-${s.id}-${s.version}`}
        initial={stateFrom(s.kind, body)}
        schedule={s}
        reveal
        onReloadSchedule={() => void queryClient.invalidateQueries({ queryKey: scheduleKeys.detail(s.id) })}
      />
    );
  }
  if (draftKey) {
    if (draft.isPending) return <DetailPageSkeleton />;
    if (draft.isError) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />;
    const d = draft.data;
    return <ComposePage key={draftKey} initial={stateFrom(d.kind, d.body)} draft={draftId ? { id: d.id, title: d.title, working: d.working } : null} reveal />;
  }
  if (fromSendId) {
    if (send.isPending || (idsNeeded && recipients.isPending)) return <DetailPageSkeleton />;
    if (send.isError) return <ErrorState error={send.error} onRetry={() => void send.refetch()} />;
    if (idsNeeded && recipients.isError) return <ErrorState error={recipients.error} onRetry={() => void recipients.refetch()} />;
    const s = send.data;
    // A reply or a test send is copied as a push / multicast body without its one-off parts.
    const kind = s.kind === "reply" ? "push" : s.kind;
    const { retryKey: _k, replyToken: _r, toCount: _c, ...body } = s.request as Record<string, unknown>;
    if (idsNeeded && recipients.data) body.to = recipients.data.ids;
    return <ComposePage key={fromSendId} initial={stateFrom(kind, body)} reveal />;
  }
  const fresh = initialState(kind);
  if (kind === "push" && to && /^[UCR][0-9a-f]{32}$/.test(to)) fresh.push = { id: to };
  if (kind === "multicast" && segment) {
    fresh.multicastMode = "segment";
    fresh.segmentId = segment;
  }
  return <ComposePage key={`${kind ?? "new"}-${to ?? ""}-${segment ?? ""}`} initial={fresh} fresh={!to && !segment} />;
}
