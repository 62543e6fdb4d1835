"use client";

import { Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import type { RelayItem } from "@/lib/client/relay";

export type RelayItemState = RelayItem["state"] | "retrying";

/** Pending but already tried: the bot failed and the next try is scheduled. */
export function itemState(item: Pick<RelayItem, "state" | "attempts">): RelayItemState {
  return item.state === "pending" && item.attempts.length > 0 ? "retrying" : item.state;
}

const tones: Record<RelayItemState, BadgeTone> = {
  succeeded: "success",
  retrying: "warning",
  pending: "info",
  refused: "danger",
  expired: "danger",
  cancelled: "neutral",
};

export function RelayStateBadge({ item }: { item: Pick<RelayItem, "state" | "attempts"> }) {
  const t = useTranslations("relay.state");
  const state = itemState(item);
  return <Badge tone={tones[state]}>{t(state)}</Badge>;
}

/** The bot got the event after its reply token ran out (about a minute): it could not have replied. */
export function LateMarker({ item }: { item: Pick<RelayItem, "attempts"> }) {
  const t = useTranslations("relay");
  const last = item.attempts.at(-1);
  if (!last?.afterReplyDeadline) return null;
  return (
    <Tooltip content={t("lateHint")}>
      <Badge tone="outline">
        <Clock aria-hidden />
        {t("late")}
      </Badge>
    </Tooltip>
  );
}
