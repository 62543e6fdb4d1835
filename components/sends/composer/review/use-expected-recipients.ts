"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue } from "react";
import { parseRecipientList } from "@/lib/sends/composer/recipient-list";
import type { ComposeState } from "@/lib/sends/composer/compose-state";
import { narrowcastBodySchema } from "@/lib/sends/send-schemas";
import { chatMemberCountQuery } from "@/lib/client/contacts";
import { quotaQuery } from "@/lib/client/messages";
import { segmentDetailQuery } from "@/lib/client/segments";
import { sendJson } from "@/lib/client/api-client";

export type EstimateBasis = { kind: "line"; date: string } | { kind: "console" } | { kind: "narrowcast" };

/** Why a send counts what it counts against the month: LINE counts one message per person it reaches. */
export type CostBasis = "user" | "group" | "room" | "recipients" | "estimate";

export interface Estimate {
  targetedReaches: number;
  matched: number;
  estimate: number;
  warnings: Array<"attributes_need_100_reach" | "under_50_recipients" | "over_quota" | "demographics_unavailable">;
  quota: { limit: number | null; used: number; remaining: number | null };
}

/**
 * How many people this send will reach, and so how much quota it uses: exact for push (a group's or
 * room's members, asked of LINE: each counts) and multicast (unique recipients),
 * every friend who has not blocked the account for broadcast (LINE's day figures brought up to now by
 * our follow and block events, lib/sends/broadcast-reach.ts), LINE's-demographics-based estimate for
 * narrowcast.
 */
export function useExpectedRecipients(state: ComposeState, body: Record<string, unknown>) {
  const quota = useQuery(quotaQuery());
  const segmentId = state.kind === "multicast" && state.multicastMode === "segment" ? state.segmentId : null;
  // Counted now (the picker shows the same query); the send goes to whoever matches when it is made.
  const segment = useQuery({ ...segmentDetailQuery(segmentId ?? ""), enabled: segmentId !== null });
  const chatId = state.kind === "push" && /^[CR][0-9a-f]{32}$/.test(state.push?.id ?? "") ? state.push!.id : null;
  const members = useQuery({ ...chatMemberCountQuery(chatId ?? ""), enabled: chatId !== null });
  const targeting = useDeferredValue(state.kind === "narrowcast" ? { recipient: body.recipient, filter: body.filter, limit: body.limit } : null);
  const targetingValid =
    targeting !== null && narrowcastBodySchema.safeParse({ messages: [{ type: "text", text: "x" }], ...stripUndefined(targeting) }).success;
  const estimate = useQuery({
    queryKey: ["sends", "estimate", targeting],
    queryFn: () => sendJson<Estimate>("POST", "/api/messages/estimate", stripUndefined(targeting!)),
    enabled: targetingValid,
    staleTime: 60_000,
    retry: false,
  });

  const count =
    state.kind === "push"
      ? chatId !== null
        ? (members.data?.count ?? null)
        : state.push
          ? 1
          : 0
      : state.kind === "multicast"
        ? state.multicastMode === "segment"
          ? segmentId !== null && segment.isSuccess
            ? (segment.data.size ?? 0)
            : null
          : parseRecipientList(state.multicastText).ids.length
        : state.kind === "broadcast"
          ? (quota.data?.broadcast.estimate ?? null)
          : (estimate.data?.estimate ?? null);
  const segmentName = segmentId !== null && segment.isSuccess ? segment.data.name : null;
  const broadcast = quota.data?.broadcast;
  // What an estimate is made from, said next to it in the confirmation.
  const basis: EstimateBasis | null =
    state.kind === "narrowcast"
      ? { kind: "narrowcast" }
      : state.kind === "broadcast" && broadcast
        ? broadcast.basis === "line" && broadcast.date
          ? { kind: "line", date: broadcast.date }
          : { kind: "console" }
        : null;
  const costBasis: CostBasis =
    state.kind === "push" ? (chatId === null ? "user" : chatId.startsWith("C") ? "group" : "room") : state.kind === "multicast" ? "recipients" : "estimate";
  return {
    count,
    isEstimate: state.kind === "narrowcast" || state.kind === "broadcast",
    basis,
    costBasis,
    members,
    quota,
    estimate,
    targetingValid,
    segmentName,
  };
}

function stripUndefined(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
