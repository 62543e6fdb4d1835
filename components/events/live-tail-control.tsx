"use client";

import { ArrowUp, Pause, Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { StatusDot } from "@/components/ui/badge";
import { useLiveStatus } from "@/components/live/live-provider";
import type { useLiveTail } from "./use-live-tail";

type LiveTail = ReturnType<typeof useLiveTail>;

/** Pause / resume, with the stream's state next to it. */
export function LiveTailControl({ live }: { live: LiveTail }) {
  const t = useTranslations("events.live");
  const status = useLiveStatus();
  const state = live.paused ? "paused" : status === "open" ? "streaming" : "waiting";
  return (
    <div className="flex items-center gap-2">
      <span role="status" className="inline-flex items-center gap-2 text-xs text-muted-foreground">
        <StatusDot tone={state === "streaming" ? "success" : state === "paused" ? "neutral" : "warning"} pulse={state === "streaming"} />
        {t(state)}
      </span>
      <Button size="sm" onClick={live.paused ? live.resume : live.pause} aria-pressed={live.paused}>
        {live.paused ? <Play aria-hidden /> : <Pause aria-hidden />}
        {live.paused ? t("resume") : t("pause")}
      </Button>
    </div>
  );
}

/** "N new — resume" over the list while new events are held back. */
export function HeldEventsPill({ live, onShow }: { live: LiveTail; onShow: () => void }) {
  const t = useTranslations("events.live");
  if (live.heldCount === 0 && !live.stale) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-3 z-20 flex justify-center">
      <button
        type="button"
        onClick={onShow}
        className="pointer-events-auto inline-flex animate-pop-in items-center gap-1.5 rounded-full bg-primary px-3.5 py-1.5 text-sm font-medium text-primary-foreground shadow-md transition-colors hover:bg-primary-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:outline-none"
      >
        <ArrowUp aria-hidden className="size-4" />
        <span aria-live="polite">
          {live.stale && live.heldCount === 0
            ? t("newUnknown")
            : live.paused
              ? t("heldPaused", { count: live.heldCount })
              : t("held", { count: live.heldCount })}
        </span>
      </button>
    </div>
  );
}
