"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, Pencil, Send, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorMessage } from "@/components/common/error-message";
import { Button, buttonVariants } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { cancelSchedule, confirmSchedule, scheduleKeys, type Schedule } from "@/lib/client/schedules";
import { useFormatWhen } from "./format-when";
import { useLateText } from "./schedule-status";

type Pending = "cancel" | "send" | "dismiss" | null;

/**
 * What can be done with a schedule: edit or cancel it until it starts; send or cancel one found too late
 * (the console was down at its time); open the send it made. Each asks first.
 */
export function ScheduleActions({ schedule, canEdit, label }: { schedule: Schedule; canEdit: boolean; label: string }) {
  const t = useTranslations("schedules.actions");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const formatWhen = useFormatWhen();
  const late = useLateText(schedule.lastLateMs);
  const [pending, setPending] = useState<Pending>(null);
  const act = useMutation({
    mutationFn: (what: Exclude<Pending, null>) =>
      what === "cancel" ? cancelSchedule(schedule.id) : confirmSchedule(schedule.id, what === "send" ? "send" : "cancel"),
    onSuccess: (_, what) => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      toast({ tone: "success", title: t(what === "send" ? "sentToast" : "cancelledToast"), description: label });
    },
  });
  const ask = (what: Pending) => {
    act.reset();
    setPending(what);
  };
  const when = formatWhen(schedule.runAt, schedule.timeZone);

  return (
    <div className="flex flex-wrap items-center justify-end gap-1.5">
      {canEdit && schedule.status === "scheduled" && (
        <>
          <Link
            href={`/messages/new?schedule=${encodeURIComponent(schedule.id)}`}
            className={buttonVariants({ size: "sm" })}
            aria-label={t("editLabel", { name: label })}
          >
            <Pencil aria-hidden />
            {t("edit")}
          </Link>
          <Button size="sm" variant="subtle" onClick={() => ask("cancel")} aria-label={t("cancelLabel", { name: label })}>
            <X aria-hidden />
            {t("cancel")}
          </Button>
        </>
      )}
      {canEdit && schedule.status === "needs_confirmation" && (
        <>
          <Button size="sm" variant="primary" onClick={() => ask("send")} aria-label={t("sendNowLabel", { name: label })}>
            <Send aria-hidden />
            {t("sendNow")}
          </Button>
          <Button size="sm" onClick={() => ask("dismiss")} aria-label={t("cancelLabel", { name: label })}>
            <X aria-hidden />
            {t("cancel")}
          </Button>
        </>
      )}
      {schedule.lastSendId && (
        <Link
          href={`/messages/${schedule.lastSendId}`}
          className={buttonVariants({ size: "sm", variant: "subtle" })}
          aria-label={t("viewSendLabel", { name: label })}
        >
          <ExternalLink aria-hidden />
          {t("viewSend")}
        </Link>
      )}
      <ConfirmDialog
        open={pending !== null}
        onOpenChange={(o) => !o && setPending(null)}
        tone={pending === "send" ? "primary" : "danger"}
        title={pending === "send" ? t("sendTitle") : t("cancelTitle")}
        description={
          pending === "send"
            ? t("sendDescription", { when, late: late ?? "—" })
            : t(schedule.repeat === "none" ? "cancelDescription" : "cancelDescriptionRepeat", { when })
        }
        confirmLabel={pending === "send" ? t("sendConfirm") : t("cancelConfirm")}
        cancelLabel={t("keep")}
        pending={act.isPending}
        error={act.error ? <ErrorMessage error={act.error} /> : null}
        onConfirm={() => pending && act.mutate(pending)}
      >
        <p className="rounded-md bg-muted px-3 py-2 text-sm font-medium">{label}</p>
      </ConfirmDialog>
    </div>
  );
}
