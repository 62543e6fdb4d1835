"use client";

import { useQuery } from "@tanstack/react-query";
import { Reply, Timer } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useState } from "react";
import { useSecondsLeft } from "@/components/common/use-seconds-left";
import { Button, buttonVariants } from "@/components/ui/button";
import type { EventItem } from "@/lib/events/serialize";
import { meQuery } from "@/lib/client/me";

// The composer (its editors, LINE's message schemas and zod) loads when "Reply" is first pressed or
// hovered, not with the timeline: most visits read events and never reply.
const loadReplyComposer = () => import("@/components/sends/composer/reply-composer").then((m) => m.ReplyComposer);
const ReplyComposer = dynamic(loadReplyComposer, { ssr: false });

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
  const [opened, setOpened] = useState(false);
  const [replied, setReplied] = useState(false);
  const pushTo = event.groupId ?? event.roomId ?? event.userId;
  if (!me.data || me.data.role === "viewer") return null;
  if (deadline === null && !pushTo) return null;

  if (deadline !== null && secondsLeft > 0 && !replied) {
    return (
      <>
        <Button
          size="sm"
          variant="primary"
          onClick={() => {
            setOpened(true);
            setOpen(true);
          }}
          onPointerEnter={() => void loadReplyComposer()}
          onFocus={() => void loadReplyComposer()}
          data-testid="reply-button"
        >
          <Reply aria-hidden />
          {t("action")}
          <span className="tabular inline-flex items-center gap-0.5 rounded bg-black/15 px-1 text-2xs">
            <Timer aria-hidden className="size-3" />
            {t("secondsShort", { seconds: secondsLeft })}
          </span>
        </Button>
        {opened && (
          <ReplyComposer
            eventId={event.id}
            open={open}
            onOpenChange={setOpen}
            secondsLeft={secondsLeft}
            pushTo={pushTo}
            quote={event.text}
            onSent={() => setReplied(true)}
          />
        )}
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
