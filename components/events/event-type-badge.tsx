"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils/cn";
import { eventFamily } from "@/lib/events/types/summary/event-family";

/** The event type in its family's colour; the raw type name is there for whoever needs it (title). */
export function EventTypeBadge({ type, messageType, className }: { type: string; messageType?: string | null; className?: string }) {
  const t = useTranslations();
  const label = t.has(`eventTypes.${type}`) ? t(`eventTypes.${type}`) : type;
  const messageLabel = messageType ? (t.has(`messageTypes.${messageType}`) ? t(`messageTypes.${messageType}`) : messageType) : null;
  return (
    <Badge tone={eventFamily(type)} className={cn("min-w-0", className)} title={messageType ? `${type} / ${messageType}` : type}>
      <span className="truncate">{label}</span>
      {messageLabel && (
        <>
          <span aria-hidden className="opacity-50">
            ·
          </span>
          <span className="truncate font-normal">{messageLabel}</span>
        </>
      )}
    </Badge>
  );
}
