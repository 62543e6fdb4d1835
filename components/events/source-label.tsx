"use client";

import { DoorOpen, Radio, UserRound, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { shortId } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";
import type { EventItem } from "@/lib/events/serialize";

type Source = Pick<EventItem, "sourceType" | "userId" | "groupId" | "roomId">;

/** Who or where an event came from: an icon for the kind of chat and a short id (full id on hover). */
export function SourceLabel({ source, className }: { source: Source; className?: string }) {
  const t = useTranslations("sourceTypes");
  const chatId = source.groupId ?? source.roomId;
  const id = chatId ?? source.userId;
  const Icon = source.sourceType === "group" ? UsersRound : source.sourceType === "room" ? DoorOpen : source.sourceType === "user" ? UserRound : Radio;
  const kind = source.sourceType === "user" || source.sourceType === "group" || source.sourceType === "room" ? source.sourceType : "none";
  return (
    <span className={cn("inline-flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground", className)} title={[t(kind), id, chatId && source.userId].filter(Boolean).join(" · ")}>
      <Icon aria-hidden className="size-3.5 shrink-0 text-subtle-foreground" />
      <span className="sr-only">{t(kind)}</span>
      {id ? <span className="truncate font-mono">{shortId(id)}</span> : <span className="truncate">{t("none")}</span>}
    </span>
  );
}
