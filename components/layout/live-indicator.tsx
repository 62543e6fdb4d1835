"use client";

import { useTranslations } from "next-intl";
import { StatusDot } from "@/components/ui/badge";
import { Tooltip } from "@/components/ui/tooltip";
import { useLiveStatus } from "@/components/live/live-provider";

/** Whether this tab is hearing about new webhooks as they arrive. */
export function LiveIndicator() {
  const t = useTranslations("live");
  const status = useLiveStatus();
  const tone = status === "open" ? "success" : status === "connecting" ? "warning" : "danger";
  return (
    <Tooltip content={t(`${status}Hint`)} side="bottom">
      <span
        role="status"
        tabIndex={0}
        className="mr-1 inline-flex h-7 items-center gap-1.5 rounded-full border border-border bg-background px-2.5 text-xs font-medium text-muted-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <StatusDot tone={tone} pulse={status === "open"} />
        {t(status)}
      </span>
    </Tooltip>
  );
}
