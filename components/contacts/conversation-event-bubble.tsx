"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useMemo } from "react";
import { EventSummaryView } from "@/components/events/event-summary-view";
import { SummaryIconView } from "@/components/events/summary-icon";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";
import { MediaBlock } from "@/components/media/media-block";
import type { EventItem } from "@/lib/events/serialize";
import { messageMedia } from "@/lib/media/message-media";
import { HOUR_LABEL } from "@/lib/utils/date-formats";
import { FriendAvatar } from "./friend-avatar";
import { StickerImage } from "./sticker-image";

export interface Person {
  name: string | null;
  pictureUrl: string | null;
}

/**
 * What they did, on the left: messages as chat bubbles (their text, with LINE emoji and mentions marked
 * as in the timeline; pictures, video, audio and files inline), everything else (follow, block, postback,
 * joins) as a quiet line in the middle. The time links to the event in the timeline.
 */
export function ConversationEventBubble({ event, sender, chatName }: { event: EventItem; sender?: Person & { id: string }; chatName?: string | null }) {
  const t = useTranslations("conversation");
  const format = useFormatter();
  const summary = useMemo(() => summarizeEvent(event.payload), [event.payload]);
  const media = useMemo(() => messageMedia(event), [event]);
  const message = event.payload.message as { type?: string; stickerId?: unknown } | undefined;
  const sticker = message?.type === "sticker" && typeof message.stickerId === "string" ? message.stickerId : null;
  const time = (
    <Link href={`/events/${event.id}`} title={t("openEvent")} className="tabular hover:text-foreground hover:underline">
      {format.dateTime(new Date(event.timestamp), HOUR_LABEL)}
    </Link>
  );

  if (event.type !== "message" && event.type !== "messageEdited") {
    return (
      <div className="flex justify-center py-1" data-event-id={event.id}>
        <div className="flex max-w-[90%] items-center gap-2 rounded-full border border-border bg-surface px-3 py-1 text-xs text-muted-foreground">
          <SummaryIconView icon={summary.icon} className="size-3.5 shrink-0" />
          <EventSummaryView summary={summary} className="line-clamp-2 min-w-0 text-muted-foreground" />
          {chatName && <span className="shrink-0 text-muted-foreground">· {chatName}</span>}
          <span className="shrink-0 text-muted-foreground">{time}</span>
        </div>
      </div>
    );
  }

  return (
    <div className="flex items-end gap-2" data-event-id={event.id}>
      {sender && <FriendAvatar id={sender.id} name={sender.name} pictureUrl={sender.pictureUrl} size="sm" className="mb-5" />}
      <div className="flex max-w-[min(34rem,85%)] min-w-0 flex-col items-start gap-1">
        {sender && <span className="px-1 text-2xs font-medium text-muted-foreground">{sender.name ?? t("unknownMember")}</span>}
        {media ? (
          <MediaBlock media={media} label={sender?.name ?? undefined} />
        ) : sticker ? (
          <StickerImage stickerId={sticker} label={t("sent.sticker")} fallback={<TextBubble summary={summary} />} />
        ) : (
          <TextBubble summary={summary} />
        )}
        <div className="flex items-center gap-2 px-1 text-2xs text-muted-foreground">
          {event.type === "messageEdited" && <span>{t("edited")}</span>}
          {chatName && <span className="truncate">{t("inChat", { name: chatName })}</span>}
          {time}
        </div>
      </div>
    </div>
  );
}

function TextBubble({ summary }: { summary: ReturnType<typeof summarizeEvent> }) {
  return (
    <div className="w-fit max-w-full rounded-2xl rounded-bl-md border border-border bg-surface px-3.5 py-2.5 text-sm shadow-xs">
      <EventSummaryView summary={summary} className="break-words whitespace-pre-wrap" />
    </div>
  );
}
