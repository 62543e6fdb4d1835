"use client";

import { RotateCcw, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { memo, useMemo } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { MediaThumb } from "@/components/media/media-thumb";
import { Badge } from "@/components/ui/badge";
import type { EventItem } from "@/lib/events/serialize";
import { messageMedia } from "@/lib/media/message-media";
import { cn } from "@/lib/utils/cn";
import { EventSummaryView } from "./event-summary-view";
import { EventTypeBadge } from "./event-type-badge";
import { ReplyCountdown } from "./reply-countdown";
import { SourceLabel } from "./source-label";
import { SummaryIconView } from "./summary-icon";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";

export const ROW_GRID = "lg:grid-cols-[7rem_10rem_9.5rem_minmax(0,1fr)_auto]";

interface EventRowProps {
  event: EventItem;
  selected: boolean;
  fresh: boolean;
  highlight?: string;
  onOpen: (e: React.MouseEvent, id: string) => void;
}

/** One event: when, what, from whom, and a one-line summary. Two lines below 1024px. */
export const EventRow = memo(function EventRow({ event, selected, fresh, highlight, onOpen }: EventRowProps) {
  const summary = useMemo(() => summarizeEvent(event.payload), [event.payload]);
  // Images and videos friends sent show as a small thumbnail in place of the icon.
  const media = useMemo(() => messageMedia(event), [event]);
  const thumb = media && (media.type === "image" || media.type === "video") && !media.externalUrl ? media : null;
  return (
    <Link
      href={`/events/${event.id}`}
      onClick={(e) => onOpen(e, event.id)}
      aria-current={selected ? "true" : undefined}
      data-event-id={event.id}
      className={cn(
        "group grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 border-b border-border px-4 py-2.5 text-sm transition-colors outline-none hover:bg-hover focus-visible:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset md:px-6 lg:px-8 lg:py-2",
        ROW_GRID,
        selected && "bg-selected hover:bg-selected",
        fresh && "animate-highlight",
      )}
    >
      <RelativeTime value={event.timestamp} className="col-start-2 row-start-1 text-right text-xs text-muted-foreground lg:col-start-1 lg:text-left" />
      <div className="col-start-1 row-start-1 flex min-w-0 items-center gap-2 lg:contents">
        <EventTypeBadge type={event.type} messageType={event.messageType} className="lg:col-start-2 lg:row-start-1 lg:justify-self-start" />
        <SourceLabel source={event} className="lg:col-start-3 lg:row-start-1" />
        <Flags event={event} className="lg:hidden" />
      </div>
      <div className="col-span-2 row-start-2 flex min-w-0 items-start gap-2 lg:col-span-1 lg:col-start-4 lg:row-start-1 lg:items-center">
        {thumb ? (
          <MediaThumb media={thumb} size="row" />
        ) : (
          <SummaryIconView icon={summary.icon} className="mt-0.5 size-4 shrink-0 text-subtle-foreground lg:mt-0" />
        )}
        <EventSummaryView summary={summary} highlight={highlight} className="line-clamp-2 min-w-0 lg:line-clamp-1 lg:break-all" />
        <ReplyCountdown deadline={event.replyDeadline} />
      </div>
      <Flags event={event} className="hidden lg:col-start-5 lg:row-start-1 lg:flex" />
    </Link>
  );
});

function Flags({ event, className }: { event: EventItem; className?: string }) {
  const t = useTranslations("events.flags");
  if (!event.isRedelivery && event.mode !== "standby") return null;
  return (
    <span className={cn("flex shrink-0 items-center gap-1", className)}>
      {event.isRedelivery && (
        <Badge tone="warning" title={t("redeliveredHint")}>
          <RotateCcw aria-hidden />
          {t("redelivered")}
        </Badge>
      )}
      {event.mode === "standby" && (
        <Badge tone="outline" title={t("standbyHint")}>
          <EyeOff aria-hidden />
          {t("standby")}
        </Badge>
      )}
    </span>
  );
}
