"use client";

import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useState } from "react";
import { RelativeTime } from "@/components/common/relative-time";
import { EventTypeBadge } from "@/components/events/event-type-badge";
import { cn } from "@/lib/utils/cn";

interface DeliveryEvent {
  id: string;
  type: string;
  timestamp: string;
}

const SHOWN = 8;

/** The events stored from one delivery, linked; long lists show a window (around `currentId`) until expanded. */
export function DeliveryEventList({ events, currentId }: { events: DeliveryEvent[]; currentId?: string }) {
  const t = useTranslations("eventDetail.delivery");
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? events : windowAround(events, currentId);
  return (
    <>
      <ul className="-mx-2 space-y-0.5">
        {visible.map((e) => (
          <li key={e.id}>
            <Link
              href={`/events/${e.id}`}
              aria-current={e.id === currentId ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm transition-colors hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                e.id === currentId && "bg-selected",
              )}
            >
              <span className="min-w-10 font-mono text-xs text-muted-foreground">#{e.id}</span>
              <EventTypeBadge type={e.type} />
              {e.id === currentId ? (
                <span className="ml-auto text-xs text-muted-foreground">{t("thisEvent")}</span>
              ) : (
                <RelativeTime value={e.timestamp} className="ml-auto text-xs text-muted-foreground" />
              )}
            </Link>
          </li>
        ))}
      </ul>
      {!showAll && events.length > visible.length && (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className="mt-2 text-xs font-medium text-primary-soft-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          {t("showAll", { count: events.length })}
        </button>
      )}
    </>
  );
}

// A delivery can carry hundreds of events.
function windowAround<E extends { id: string }>(events: E[], currentId: string | undefined): E[] {
  if (events.length <= SHOWN) return events;
  const at = Math.max(
    0,
    events.findIndex((e) => e.id === currentId),
  );
  const start = Math.min(Math.max(0, at - Math.floor(SHOWN / 2)), events.length - SHOWN);
  return events.slice(start, start + SHOWN);
}
