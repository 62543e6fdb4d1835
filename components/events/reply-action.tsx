"use client";

import { useQuery } from "@tanstack/react-query";
import { Reply, Timer } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { ReplyComposer } from "@/components/sends/composer/reply-composer";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import type { EventItem } from "@/lib/events/serialize";
import { meQuery } from "@/lib/client/me";

/**
 * "Reply" while the event's reply token works (with a live countdown), then "Send a push instead".
 * Operators only: viewers see nothing here.
 */
export function ReplyAction({ event }: { event: EventItem }) {
  const t = useTranslations("reply");
  const me = useQuery(meQuery());
  const deadline = event.replyDeadline ? new Date(event.replyDeadline).getTime() : null;
  const secondsLeft = useSecondsLeft(deadline);
  const [open, setOpen] = useState(false);
  const [replied, setReplied] = useState(false);
  const pushTo = event.groupId ?? event.roomId ?? event.userId;
  if (!me.data || me.data.role === "viewer") return null;
  if (deadline === null && !pushTo) return null;

  if (deadline !== null && secondsLeft > 0 && !replied) {
    return (
      <>
        <Button size="sm" variant="primary" onClick={() => setOpen(true)} data-testid="reply-button">
          <Reply aria-hidden />
          {t("action")}
          <span className="tabular inline-flex items-center gap-0.5 rounded bg-black/15 px-1 text-2xs">
            <Timer aria-hidden className="size-3" />
            {t("secondsShort", { seconds: secondsLeft })}
          </span>
        </Button>
        <ReplyComposer
          eventId={event.id}
          open={open}
          onOpenChange={setOpen}
          secondsLeft={secondsLeft}
          pushTo={pushTo}
          quote={event.text}
          onSent={() => setReplied(true)}
        />
      </>
    );
  }
  if (!pushTo) return null;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-muted-foreground">{replied ? t("replied") : deadline === null ? t("noToken") : t("closed")}</span>
      <Link href={`/messages/new?kind=push&to=${pushTo}`} className={buttonVariants({ size: "sm" })} title={t("pushHint")}>
        {t("pushInstead")}
      </Link>
      <span className="w-full text-2xs text-subtle-foreground">{t("pushHint")}</span>
    </span>
  );
}

/** In a timeline row: how long "Reply" still works (nothing once it does not, or before hydration). */
export function ReplyCountdown({ deadline }: { deadline: string | null }) {
  const t = useTranslations("reply");
  const seconds = useSecondsLeft(deadline ? new Date(deadline).getTime() : null, true);
  if (seconds <= 0) return null;
  return (
    <Badge tone="success" title={t("countdown", { seconds })} className="tabular shrink-0">
      <Reply aria-hidden />
      {t("secondsShort", { seconds })}
    </Badge>
  );
}
