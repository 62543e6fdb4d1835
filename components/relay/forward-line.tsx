"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { relayReplayQuery, type RelayItem } from "@/lib/client/relay";
import { cn } from "@/lib/utils/cn";
import { SHORT_TIME_SECONDS } from "@/lib/utils/date-formats";
import { formatLatency } from "@/lib/utils/format";
import { RelayAttempts } from "./relay-item-detail";
import { itemState, LateMarker, RelayStateBadge } from "./relay-state-badge";

/**
 * One forward in a sentence — "Forwarded to bot-prod: 200 in 38 ms (attempt 1)", "Retrying bot-prod:
 * 503, next try at …", "Refused by bot-prod: 400", "Given up on bot-prod after 24 h" — that opens to its attempts.
 */
export function ForwardLine({ item, names }: { item: RelayItem; names: Map<number, string> }) {
  const t = useTranslations("relay.forward");
  const format = useFormatter();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const name = useTargetName(item, names);
  const last = item.attempts.at(-1);
  const answer = last?.statusCode != null ? String(last.statusCode) : t("noAnswer");
  const state = itemState(item);
  const sentence =
    state === "succeeded"
      ? t("succeeded", { name, status: answer, latency: formatLatency(last?.durationMs, locale), attempt: item.attempts.length })
      : state === "retrying"
        ? t("retrying", { name, answer, at: item.nextAttemptAt ? format.dateTime(new Date(item.nextAttemptAt), SHORT_TIME_SECONDS) : "—" })
        : state === "pending"
          ? t("pending", { name })
          : state === "refused"
            ? t("refused", { name, status: answer })
            : state === "expired"
              ? t("expired", { name, hours: hoursBetween(item.receivedAt, item.finishedAt) })
              : t("cancelled", { name });
  const panelId = `forward-${item.id}`;

  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen(!open)}
          className="-ml-1 inline-flex min-w-0 items-start gap-1 rounded-sm px-1 text-left text-sm hover:text-primary-soft-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <ChevronRight aria-hidden className={cn("mt-0.5 size-3.5 shrink-0 transition-transform", open && "rotate-90")} />
          <span className="min-w-0 break-words" data-testid="forward-line">
            {sentence}
          </span>
        </button>
        <RelayStateBadge item={item} />
        {item.replayId !== null && <Badge tone="outline">{t("replay")}</Badge>}
        <LateMarker item={item} />
      </div>
      {open && (
        <div id={panelId} className="mt-2 space-y-2 pl-5">
          <RelayAttempts attempts={item.attempts} />
          {item.destinationId !== null && (
            <Link href={`/settings/relay/${item.destinationId}`} className="text-xs text-primary-soft-foreground underline-offset-4 hover:underline">
              {t("openLog")}
            </Link>
          )}
        </div>
      )}
    </li>
  );
}

// A destination by its name; a replay to a one-off URL by that URL.
function useTargetName(item: RelayItem, names: Map<number, string>): string {
  const t = useTranslations("relay.forward");
  const replay = useQuery({ ...relayReplayQuery(item.replayId ?? 0), enabled: item.destinationId === null && item.replayId !== null });
  if (item.destinationId !== null) return names.get(item.destinationId) ?? t("deleted");
  return replay.data?.url ?? t("oneOffUrl");
}

function hoursBetween(from: string, to: string | null): number {
  const ms = (to ? Date.parse(to) : Date.now()) - Date.parse(from);
  return Math.round(ms / 360_000) / 10;
}
