"use client";

import { CircleAlert, CircleCheck, Clock, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SendDetail } from "@/lib/sending/serialize";
import { cn } from "@/lib/utils/cn";

type SendError = { status?: number | null; message?: string; reason?: string; errorCode?: number } | null;
type Progress = { phase?: string; errorCode?: number; failedDescription?: string } | null;

/** What happened, in plain words; LINE's own (English) message beside our translated explanation. */
export function SendOutcome({ send }: { send: SendDetail }) {
  const t = useTranslations("sends.outcome");
  const error = send.error as SendError;
  const progress = send.progress as Progress;
  const errorCode = error?.errorCode ?? progress?.errorCode;
  const phase = progress?.phase;
  const state = send.status === "failed" ? "failed" : send.status === "partially_sent" ? "partial" : send.status === "sent" && (send.kind !== "narrowcast" || phase === "succeeded") ? "sent" : send.kind === "narrowcast" && send.status === "sent" ? "delivering" : "pending";
  const Icon = state === "sent" ? CircleCheck : state === "failed" || state === "partial" ? CircleAlert : state === "delivering" ? Loader2 : Clock;
  const tone = state === "sent" ? "border-success/30 bg-success-soft/40" : state === "failed" ? "border-danger/30 bg-danger-soft/40" : state === "partial" ? "border-warning/30 bg-warning-soft/40" : "border-info/30 bg-info-soft/40";
  return (
    <div role={state === "failed" ? "alert" : "status"} className={cn("flex items-start gap-3 rounded-lg border p-4", tone)} data-testid="send-outcome">
      <Icon aria-hidden className={cn("mt-0.5 size-5 shrink-0", state === "delivering" && "animate-spin", state === "sent" ? "text-success" : state === "failed" ? "text-danger" : state === "partial" ? "text-warning" : "text-info")} />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-sm font-semibold">{t(`headline.${state}`, { kind: send.kind })}</p>
        {error?.reason && <p className="text-sm">{t.has(`reasons.${error.reason}`) ? t(`reasons.${error.reason}`) : error.reason}</p>}
        {errorCode !== undefined && t.has(`narrowcastCodes.${errorCode}`) && (
          <p className="text-sm">
            <span className="font-mono text-xs text-muted-foreground">errorCode {errorCode} · </span>
            {t(`narrowcastCodes.${errorCode}`)}
          </p>
        )}
        {(error?.message || progress?.failedDescription) && (
          <p className="text-xs text-muted-foreground">
            <span className="font-medium">{t("lineSaid")}</span>{" "}
            <q lang="en" className="font-mono">
              {error?.message ?? progress?.failedDescription}
            </q>
            {error?.status ? <span className="ml-1 font-mono">(HTTP {error.status})</span> : null}
          </p>
        )}
      </div>
    </div>
  );
}
