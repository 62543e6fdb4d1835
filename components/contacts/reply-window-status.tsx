"use client";

import { useQuery } from "@tanstack/react-query";
import { Megaphone, Reply } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { Badge } from "@/components/ui/badge";
import { chatMemberCountQuery } from "@/lib/client/contacts";
import { formatMediaDuration } from "@/lib/utils/format";

/**
 * How the next answer goes, and what it costs: a free reply while a reply token is valid (with the
 * time it has left, counting down), or — once none is — a push, which counts against the monthly
 * quota (in a group or room once per member, asked of LINE) and is sent only after the operator agrees.
 */
export function ReplyWindowStatus({ expiresAt, chatId }: { expiresAt: string | null; chatId: string | null }) {
  const t = useTranslations("conversation.composer");
  const seconds = useSecondsLeft(expiresAt ? Date.parse(expiresAt) : null, true);
  const open = seconds > 0;
  const members = useQuery({ ...chatMemberCountQuery(chatId ?? ""), enabled: chatId !== null && !open });
  const pushLabel =
    chatId === null ? t("pushCounts", { count: 1 }) : members.data ? t("pushCountsChat", { count: members.data.count }) : t("pushCountsChatUnknown");
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="reply-window" data-open={open}>
      {open ? (
        <>
          <Badge tone="success">
            <Reply aria-hidden />
            {t("freeReply")}
          </Badge>
          <span className="tabular text-muted-foreground" data-testid="reply-token-time">
            {t("tokenValid", { time: formatMediaDuration(seconds * 1000) })}
          </span>
        </>
      ) : (
        <>
          <Badge tone="warning" data-testid="push-cost">
            <Megaphone aria-hidden />
            {pushLabel}
          </Badge>
          <span className="min-w-0 text-muted-foreground">{t(chatId !== null ? "pushModeHintChat" : "pushModeHint")}</span>
        </>
      )}
      {/* Said once when it changes, not every second. */}
      <span className="sr-only" aria-live="polite">
        {open ? t("freeReply") : t("pushMode")}
      </span>
    </div>
  );
}
