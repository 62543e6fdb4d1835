"use client";

import { Megaphone, Reply } from "lucide-react";
import { useTranslations } from "next-intl";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { Badge } from "@/components/ui/badge";

/**
 * How the next answer goes: a free reply, with the seconds its token has left, or — once none is left —
 * a push, which counts against the monthly quota and is sent only after the operator agrees.
 */
export function ReplyWindowStatus({ expiresAt, chat }: { expiresAt: string | null; chat: boolean }) {
  const t = useTranslations("conversation.composer");
  const seconds = useSecondsLeft(expiresAt ? Date.parse(expiresAt) : null, true);
  const open = seconds > 0;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs" data-testid="reply-window" data-open={open}>
      {open ? (
        <>
          <Badge tone="success">
            <Reply aria-hidden />
            {t("freeReply")}
          </Badge>
          <span className="tabular text-muted-foreground">{t("secondsLeft", { seconds })}</span>
        </>
      ) : (
        <>
          <Badge tone="warning">
            <Megaphone aria-hidden />
            {t("pushMode")}
          </Badge>
          <span className="min-w-0 text-muted-foreground">{t(chat ? "pushModeHintChat" : "pushModeHint")}</span>
        </>
      )}
      {/* Said once when it changes, not every second. */}
      <span className="sr-only" aria-live="polite">
        {open ? t("freeReply") : t("pushMode")}
      </span>
    </div>
  );
}
