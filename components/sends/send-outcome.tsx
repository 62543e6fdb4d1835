"use client";

import { CircleAlert, CircleCheck, Clock, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SendDetail } from "@/lib/sends/serialize";
import { sendReach, sendStage } from "@/lib/sends/send-stage";
import { LineFailure, type LineFailureInfo } from "./line-failure";
import { cn } from "@/lib/utils/cn";

type Progress = { phase?: string; errorCode?: number; failedDescription?: string } | null;

/**
 * What happened, in plain words; LINE's own (English) message beside our translated explanation.
 * `unreachable`: LINE accepted it, but the console knows it could not arrive (a push to someone who is
 * no friend): said instead of "Sent", with why.
 */
export function SendOutcome({ send, unreachable }: { send: SendDetail; unreachable?: React.ReactNode }) {
  const t = useTranslations("sends.outcome");
  const error = send.error as LineFailureInfo | null;
  const progress = send.progress as Progress;
  const errorCode = error?.errorCode ?? progress?.errorCode ?? null;
  const stage = sendStage(send);
  const reach = sendReach(send);
  const tone = stage === "sent" ? (unreachable ? "partial" : "sent") : stage === "failed" ? "failed" : stage === "partial" ? "partial" : "moving";
  const Icon = tone === "sent" ? CircleCheck : tone === "failed" || tone === "partial" ? CircleAlert : stage === "queued" ? Clock : Loader2;
  const headline =
    stage === "sent" && unreachable
      ? t("headline.unreachable")
      : stage === "line_sending" && reach.kind === "progress"
        ? t("headline.line_sending_count", { delivered: reach.delivered, of: reach.of })
        : stage === "sent" && send.kind === "narrowcast" && reach.kind === "exact"
          ? t("headline.delivered", { count: reach.count })
          : t(`headline.${stage}`, { kind: send.kind });
  return (
    <div
      role={tone === "failed" ? "alert" : "status"}
      className={cn("flex items-start gap-3 rounded-lg border p-4", TONES[tone])}
      data-testid="send-outcome"
      data-stage={stage}
    >
      <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", Icon === Loader2 && "animate-spin", ICON_TONES[tone])} />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-sm font-semibold">{headline}</p>
        {stage === "sent" && unreachable}
        {(error || errorCode !== null) && <LineFailure error={error ? { ...error, errorCode } : { errorCode }} lineDescription={progress?.failedDescription} />}
      </div>
    </div>
  );
}

const TONES = {
  sent: "border-success/30 bg-success-soft/40",
  failed: "border-danger/30 bg-danger-soft/40",
  partial: "border-warning/30 bg-warning-soft/40",
  moving: "border-info/30 bg-info-soft/40",
};
const ICON_TONES = { sent: "text-success", failed: "text-danger", partial: "text-warning", moving: "text-info" };
