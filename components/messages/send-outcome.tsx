"use client";

import { CircleAlert, CircleCheck, Clock, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SendDetail } from "@/lib/sending/serialize";
import { LineFailure, type LineFailureInfo } from "./line-failure";
import { cn } from "@/lib/utils/cn";

type Progress = { phase?: string; errorCode?: number; failedDescription?: string } | null;

/** What happened, in plain words; LINE's own (English) message beside our translated explanation. */
export function SendOutcome({ send }: { send: SendDetail }) {
  const t = useTranslations("sends.outcome");
  const error = send.error as LineFailureInfo | null;
  const progress = send.progress as Progress;
  const errorCode = error?.errorCode ?? progress?.errorCode ?? null;
  const phase = progress?.phase;
  const state = send.status === "failed" ? "failed" : send.status === "partially_sent" ? "partial" : send.status === "sent" && (send.kind !== "narrowcast" || phase === "succeeded") ? "sent" : send.kind === "narrowcast" && send.status === "sent" ? "delivering" : "pending";
  const Icon = state === "sent" ? CircleCheck : state === "failed" || state === "partial" ? CircleAlert : state === "delivering" ? Loader2 : Clock;
  const tone = state === "sent" ? "border-success/30 bg-success-soft/40" : state === "failed" ? "border-danger/30 bg-danger-soft/40" : state === "partial" ? "border-warning/30 bg-warning-soft/40" : "border-info/30 bg-info-soft/40";
  return (
    <div role={state === "failed" ? "alert" : "status"} className={cn("flex items-start gap-3 rounded-lg border p-4", tone)} data-testid="send-outcome">
      <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", state === "delivering" && "animate-spin", state === "sent" ? "text-success" : state === "failed" ? "text-danger" : state === "partial" ? "text-warning" : "text-info")} />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-sm font-semibold">{t(`headline.${state}`, { kind: send.kind })}</p>
        {(error || errorCode !== null) && <LineFailure error={error ? { ...error, errorCode } : { errorCode }} lineDescription={progress?.failedDescription} />}
      </div>
    </div>
  );
}
