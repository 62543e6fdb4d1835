"use client";

import { DoorOpen, Radio, UserRound, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { shortId } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";
import type { EventItem } from "@/lib/events/serialize";

type Source = Pick<EventItem, "sourceType" | "userId" | "groupId" | "roomId" | "userName" | "chatName">;

/**
 * Who or where an event came from: an icon for the kind of chat, then the name the console knows it by
 * (a short id until the profile or group summary is fetched). In a group or room the sender's name
 * follows when known; every id is in the tooltip.
 */
export function SourceLabel({ source, className }: { source: Source; className?: string }) {
  const t = useTranslations("sourceTypes");
  const chatId = source.groupId ?? source.roomId;
  const id = chatId ?? source.userId;
  const name = chatId ? source.chatName : source.userName;
  const sender = chatId ? source.userName : null;
  const Icon = source.sourceType === "group" ? UsersRound : source.sourceType === "room" ? DoorOpen : source.sourceType === "user" ? UserRound : Radio;
  const kind = source.sourceType === "user" || source.sourceType === "group" || source.sourceType === "room" ? source.sourceType : "none";
  const title = [t(kind), name, id, sender, chatId && source.userId].filter(Boolean).join(" · ");
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground", className)} title={title}>
      <Icon aria-hidden className="size-3.5 shrink-0 text-subtle-foreground" />
      <span className="sr-only">{t(kind)}</span>
      {!id ? (
        <span className="truncate">{t("none")}</span>
      ) : (
        <span className="truncate" data-testid="event-source">
          {name ? <span className="text-foreground/80">{name}</span> : <span className="font-mono">{shortId(id)}</span>}
          {sender && <span> · {sender}</span>}
        </span>
      )}
    </span>
  );
}
