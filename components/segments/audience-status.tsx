"use client";

import { useTranslations } from "next-intl";
import { Badge, StatusDot } from "@/components/ui/badge";
import type { AudienceItem } from "@/lib/segments/serialize";

/** A LINE audience's state: uploading, preparing (LINE's IN_PROGRESS), ready for narrowcast, or not. */
export function AudienceStatus({ audience }: { audience: AudienceItem }) {
  const t = useTranslations("segments.audience.status");
  const s = audience.status;
  const busy = s === "uploading" || s === "in_progress" || s === "activating";
  const tone = s === "ready" ? "success" : busy ? "warning" : "danger";
  return (
    <Badge tone={s === "ready" ? "success" : busy ? "warning" : "danger"} title={audience.error ?? undefined}>
      <StatusDot tone={tone} pulse={busy} />
      {t(s)}
    </Badge>
  );
}
