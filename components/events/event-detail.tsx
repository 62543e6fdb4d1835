"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { MediaBlock } from "@/components/media/media-block";
import { RelaySection } from "@/components/relay/relay-section";
import { messageMedia } from "@/lib/media/message-media";
import { eventDetailQuery, type EventDetail as EventDetailData } from "@/lib/client/events";
import { cn } from "@/lib/utils/cn";
import { EventDeliveryCard } from "./event-delivery-card";
import { EventFields } from "./event-fields";
import { EventPayload } from "./event-payload";
import { ReplyAction } from "./reply-action";
import { EventSummaryView } from "./event-summary-view";
import { EventTypeBadge } from "./event-type-badge";
import { SummaryIconView } from "./summary-icon";
import { summarizeEvent } from "@/lib/events/types/summary/summarize-event";

/** Everything about one event. `layout="sheet"` stacks it for the timeline's side panel. */
export function EventDetail({ id, layout = "page" }: { id: string; layout?: "page" | "sheet" }) {
  const query = useQuery(eventDetailQuery(id));
  if (query.isPending) return <EventDetailSkeleton layout={layout} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <EventDetailBody event={query.data} layout={layout} />;
}

function EventDetailBody({ event, layout }: { event: EventDetailData; layout: "page" | "sheet" }) {
  const t = useTranslations("eventDetail");
  const summary = useMemo(() => summarizeEvent(event.payload), [event.payload]);
  const media = useMemo(() => messageMedia(event), [event]);
  // A fixture of this event: as LINE would deliver it alone.
  const fixtureBody = useMemo(
    () => JSON.stringify({ destination: event.delivery?.destination ?? "", events: [event.payload] }, null, 2),
    [event.delivery?.destination, event.payload],
  );
  return (
    <div className="space-y-5">
      <Card className="p-4">
        <div className="flex flex-wrap items-center gap-2">
          <EventTypeBadge type={event.type} messageType={event.messageType} />
          {event.isRedelivery && <Badge tone="warning">{t("redelivered")}</Badge>}
          {event.mode === "standby" && <Badge tone="outline">{t("standby")}</Badge>}
          <span className="ml-auto text-xs text-muted-foreground">
            <RelativeTime value={event.timestamp} withExact />
          </span>
        </div>
        <div className="mt-3 empty:hidden">
          <ReplyAction event={event} />
        </div>
        <div className="mt-3 flex items-start gap-2.5 text-base">
          <SummaryIconView icon={summary.icon} className="mt-1 size-4 shrink-0 text-subtle-foreground" />
          <EventSummaryView summary={summary} className="min-w-0 break-words whitespace-pre-wrap" />
        </div>
        {media && <MediaBlock media={media} className="mt-3 pl-6.5" />}
      </Card>
      <div className={cn("grid gap-5", layout === "page" && "xl:grid-cols-[minmax(0,1fr)_22rem]")}>
        <div className="min-w-0 space-y-5">
          <EventFields event={event} />
          <RelaySection of={{ kind: "event", id: event.id }} fixtureBody={fixtureBody} />
          <EventPayload payload={event.payload} />
        </div>
        <EventDeliveryCard delivery={event.delivery} currentId={event.id} />
      </div>
    </div>
  );
}

function EventDetailSkeleton({ layout }: { layout: "page" | "sheet" }) {
  return (
    <div className="space-y-5" aria-busy>
      <Card className="space-y-3 p-4">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-5 w-3/4" />
      </Card>
      <div className={cn("grid gap-5", layout === "page" && "xl:grid-cols-[minmax(0,1fr)_22rem]")}>
        <Card className="space-y-3 p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-4" style={{ width: `${50 + ((i * 17) % 45)}%` }} />
          ))}
        </Card>
        <Card className="space-y-3 p-4">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-16 w-full" />
        </Card>
      </div>
    </div>
  );
}
