"use client";

import { CalendarClock, Send, ShieldAlert } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogClose, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { SendKind } from "@/lib/sends/send-schemas";
import { cn } from "@/lib/utils/cn";
import { lineDate } from "@/lib/utils/format";
import { scheduleConflict } from "@/lib/client/schedules";
import { useFormatWhen } from "@/components/schedules/format-when";
import { ScheduleConflict, ScheduleWhenRow, type ScheduleReview } from "./schedule-review";
import type { EstimateBasis } from "./use-expected-recipients";

interface ConfirmSendDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  kind: SendKind;
  audience: string;
  /** Said under the audience (a segment: who matches when it is sent). */
  audienceHint?: string;
  count: number | null;
  isEstimate: boolean;
  /** What an estimated count is made from (said under it, so its uncertainty is plain). */
  basis?: EstimateBasis | null;
  remaining: number | null;
  messageCount: number;
  lineCheck: "checking" | "ok" | "failed" | null;
  sending: boolean;
  /** A refusal the fields cannot show (the quota, LINE being down, a segment gone empty…). */
  error: unknown;
  /** Scheduling instead of sending now: "Schedule for …", and what happens at that time. */
  schedule?: ScheduleReview;
  onConfirm: () => void;
}

/**
 * The last step: who, how many, what it costs. Broadcast and narrowcast reach many people at once, so
 * they need an explicit tick; the retry key was made when this opened, so a double click or a
 * network retry sends once.
 */
export function ConfirmSendDialog({
  open,
  onOpenChange,
  kind,
  audience,
  audienceHint,
  count,
  isEstimate,
  basis,
  remaining,
  messageCount,
  lineCheck,
  sending,
  error,
  schedule,
  onConfirm,
}: ConfirmSendDialogProps) {
  const t = useTranslations("composer.confirm");
  const ts = useTranslations("schedules.review");
  const formatWhen = useFormatWhen();
  const at = schedule?.resolved.instant ? formatWhen(schedule.resolved.instant, schedule.when.timeZone) : "";
  const format = useFormatter();
  const locale = useLocale();
  const cjk = locale === "ja" || locale.startsWith("zh");
  const [ticked, setTicked] = useState(false);
  const needsTick = kind === "broadcast" || kind === "narrowcast";
  const n = count === null ? t("unknown") : format.number(count);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!sending) onOpenChange(o);
        if (!o) setTicked(false);
      }}
      aria-labelledby="confirm-title"
    >
      <DialogHeader>
        <div className="min-w-0 flex-1">
          <DialogTitle id="confirm-title">
            {schedule ? ts(schedule.editing ? "confirmTitleEdit" : "confirmTitle", { when: at }) : t(`title.${kind}`)}
          </DialogTitle>
          <DialogDescription>{schedule ? ts("confirmDescription") : t("description")}</DialogDescription>
        </div>
        <DialogClose label={t("cancel")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <DialogBody className="space-y-4 px-5 py-4">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {schedule && <ScheduleWhenRow schedule={schedule} kind={kind} />}
          <dt className="text-muted-foreground">{t("audience")}</dt>
          <dd data-testid="confirm-audience">
            <span className="font-medium">{audience}</span>
            {audienceHint && <span className="block text-xs text-muted-foreground">{audienceHint}</span>}
          </dd>
          <dt className="text-muted-foreground">{t("recipients")}</dt>
          <dd data-testid="confirm-count">
            <span className="font-semibold tabular">{n}</span>
            {/* Chinese and Japanese write the full-width bracket with no space before it. */}
            {isEstimate && count !== null && <span className={cn("text-xs text-muted-foreground", !cjk && "ml-1.5")}>{t("estimate")}</span>}
            {isEstimate && count !== null && basis && (
              <span className="block text-xs text-muted-foreground" data-testid="confirm-basis">
                {basis.kind === "line" ? t("basis.line", { date: format.dateTime(lineDate(basis.date), { dateStyle: "medium" }) }) : t(`basis.${basis.kind}`)}
              </span>
            )}
          </dd>
          <dt className="text-muted-foreground">{t("quota")}</dt>
          <dd>
            {count === null ? t("unknown") : t(isEstimate ? "quotaUse" : "quotaUseExact", { count })}
            {remaining !== null && <span className="ml-1 text-muted-foreground">{t("remaining", { remaining })}</span>}
          </dd>
          <dt className="text-muted-foreground">{t("messages")}</dt>
          <dd>{t("messageCount", { count: messageCount })}</dd>
          <dt className="text-muted-foreground">{t("lineCheck")}</dt>
          <dd
            data-testid="confirm-line-check"
            className={lineCheck === "failed" ? "text-danger" : lineCheck === "ok" ? "text-success" : "text-muted-foreground"}
          >
            {lineCheck ? t(`lineCheckState.${lineCheck}`) : "—"}
          </dd>
        </dl>
        {remaining !== null && count !== null && count > remaining && (
          <p className="flex items-start gap-2 rounded-md bg-warning-soft px-3 py-2 text-xs text-warning-soft-foreground">
            <ShieldAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            {t("overQuota")}
          </p>
        )}
        {needsTick && (
          <label className="flex items-start gap-2.5 rounded-md border border-border p-3 text-sm">
            <Checkbox checked={ticked} onChange={(e) => setTicked(e.target.checked)} className="mt-0.5" />
            <span>
              {schedule
                ? count === null
                  ? ts("tick.unknown")
                  : ts(`tick.${kind as "broadcast" | "narrowcast"}`, { count: n })
                : count === null
                  ? t("tick.unknown")
                  : t(`tick.${kind}`, { count: n })}
            </span>
          </label>
        )}
        {schedule && <ScheduleConflict schedule={schedule} />}
        {/* A lost edit (409) is said above, with the way on; any other refusal here. */}
        {error && !(schedule && scheduleConflict(error)) ? <ErrorAlert error={error} /> : null}
      </DialogBody>
      <div className="flex items-center justify-end gap-2 border-t border-border px-5 py-3">
        <Button onClick={() => onOpenChange(false)} disabled={sending}>
          {t("cancel")}
        </Button>
        <Button variant="primary" onClick={onConfirm} disabled={sending || (needsTick && !ticked)}>
          {schedule ? <CalendarClock aria-hidden /> : <Send aria-hidden />}
          {schedule ? (sending ? ts("saving") : ts(schedule.editing ? "save" : "schedule")) : sending ? t("sending") : t(`send.${kind}`)}
        </Button>
      </div>
    </Dialog>
  );
}
