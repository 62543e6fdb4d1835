"use client";

import { History } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/auth/member-context";
import { Button } from "@/components/ui/button";
import type { ReplayBody } from "@/lib/client/relay";
import type { EventFilters } from "@/lib/events/event-filters";
import dynamic from "next/dynamic";

// Loads on the first click: the timeline's first screen does not carry the replay wizard.
const loadReplayDialog = () => import("./replay-dialog").then((m) => m.ReplayDialog);
const ReplayDialog = dynamic(loadReplayDialog, { ssr: false });

/** The timeline's "Replay matching…" (admins): every stored event its filters match, paced, cancellable. */
export function TimelineReplayButton({ filters }: { filters: EventFilters }) {
  const t = useTranslations("relay.replay");
  const admin = useCan("admin");
  const [open, setOpen] = useState(false);
  if (!admin) return null;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} onPointerEnter={() => void loadReplayDialog()} onFocus={() => void loadReplayDialog()}>
        <History aria-hidden />
        {t("matching")}
      </Button>
      {open && (
        <ReplayDialog
          open
          onOpenChange={setOpen}
          scope={{ kind: "filter", filter: replayFilter(filters) }}
          note={filters.q ? t("searchIgnored", { q: filters.q }) : undefined}
        />
      )}
    </>
  );
}

// The timeline's filters as a replay takes them; its text search is not one of them.
function replayFilter(f: EventFilters): Extract<ReplayBody["scope"], { kind: "filter" }>["filter"] {
  const { type, messageType, sourceType, userId, groupId, roomId, from, to, redelivery } = f;
  return {
    ...(type && { type }),
    ...(messageType && { messageType }),
    ...(sourceType && { sourceType: sourceType as "user" | "group" | "room" }),
    ...(userId && { userId }),
    ...(groupId && { groupId }),
    ...(roomId && { roomId }),
    ...(from && { from }),
    ...(to && { to }),
    ...(redelivery && { redelivery: redelivery === "true" }),
  };
}
