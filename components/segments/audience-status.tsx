"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { Badge, StatusDot } from "@/components/ui/badge";
import { lineErrorCode } from "@/lib/line/line-error-codes";
import { ApiError } from "@/lib/client/api-client";
import type { AudienceItem } from "@/lib/segments/serialize";

/** A LINE audience's state: uploading, preparing (LINE's IN_PROGRESS), ready for narrowcast, or not. */
export function AudienceStatus({ audience }: { audience: AudienceItem }) {
  const t = useTranslations("segments.audience.status");
  const s = audience.status;
  const busy = s === "uploading" || s === "in_progress" || s === "activating";
  const tone = s === "ready" ? "success" : busy ? "warning" : "danger";
  return (
    <Badge tone={s === "ready" ? "success" : busy ? "warning" : "danger"}>
      <StatusDot tone={tone} pulse={busy} />
      {t(s)}
    </Badge>
  );
}

/** Why an upload stopped: our reason in the operator's language, with LINE's own words when LINE refused. */
export function AudienceError({ error }: { error: string }) {
  return <ErrorMessage error={audienceFailure(error)} className="text-xs text-danger-soft-foreground" />;
}

// The stored error is one of our codes (segment_deleted, segment_empty), LINE's answer written as
// "LINE <status>: <LINE's message>" (lib/segments/audience-upload.ts), or a network error's message.
function audienceFailure(error: string): ApiError {
  if (/^[a-z_]+$/.test(error)) return new ApiError(400, error, error);
  const line = /^LINE (\d{3})(?::\s*(.*))?$/s.exec(error);
  if (line) return new ApiError(Number(line[1]), lineErrorCode(Number(line[1])), line[2] || `LINE answered ${line[1]}`);
  return new ApiError(502, "line_unreachable", error);
}
