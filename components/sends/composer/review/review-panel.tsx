"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, CircleAlert, CircleCheck, FlaskConical, Loader2, Send, ShieldCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { useEffect, useState } from "react";
import { ErrorMessage, errorDescription } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { describeTargeting, type Targeting } from "@/lib/sends/composer/targeting-sentence";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { sendKeys } from "@/lib/client/messages";
import { cn } from "@/lib/utils/cn";
import type { ComposeApi } from "../use-compose";
import { ScheduleCheck, type ScheduleReview } from "./schedule-review";
import { ConfirmSendDialog } from "./confirm-send-dialog";
import { CostLine } from "./cost-line";
import { EstimateLine } from "./estimate-line";
import { TestRecipients } from "./test-recipients";
import { useExpectedRecipients } from "./use-expected-recipients";

/**
 * Before sending: our checks, LINE's validate endpoint, quota against recipients, a test send, then
 * confirm — to send now, or (with `schedule` in schedule mode) to save the schedule.
 */
export function ReviewPanel({ compose, onSent, schedule }: { compose: ComposeApi; onSent?: () => void; schedule?: ScheduleReview }) {
  const t = useTranslations("composer.review");
  const tt = useTranslations("targeting");
  const locale = useLocale();
  const router = useConsoleRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { state, body, valid } = compose;
  const expected = useExpectedRecipients(state, body);
  const remaining = expected.quota.data?.quota.remaining ?? null;
  const [confirm, setConfirm] = useState<{ retryKey: string } | null>(null);
  const scheduling = schedule?.when.mode === "schedule" ? schedule : null;
  const [showTests, setShowTests] = useState(false);

  const validate = useMutation({
    mutationFn: () => sendJson<{ ok: true }>("POST", "/api/messages/validate", { kind: state.kind, messages: body.messages }),
    onError: (err) => {
      if (!(err instanceof ApiError && err.details?.length)) return;
      compose.showServerDetails(err.details);
      // LINE refused the messages: back to the fields, which now say why.
      setConfirm(null);
    },
  });
  const test = useMutation({
    mutationFn: () =>
      sendJson<{ id: string }>("POST", "/api/messages/test", {
        messages: body.messages,
        notificationDisabled: state.notificationDisabled || undefined,
        sourceKind: state.kind,
      }),
    onSuccess: (send) => toast({ tone: "success", title: t("testSent"), description: t("testSentHint", { id: send.id.slice(0, 8) }) }),
    onError: (err) => {
      if (err instanceof ApiError && err.details) compose.showServerDetails(err.details);
      toast({ tone: "danger", title: t("testFailed"), description: errorDescription(err) });
    },
  });
  const send = useMutation({
    mutationFn: (retryKey: string) => sendJson<{ id: string }>("POST", `/api/messages/${state.kind}`, { ...body, retryKey }),
    onSuccess: (sent) => {
      onSent?.();
      void queryClient.invalidateQueries({ queryKey: sendKeys.all });
      router.push(`/messages/${sent.id}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.details?.length) {
        compose.showServerDetails(err.details);
        setConfirm(null);
      }
    },
  });

  const audience =
    state.kind === "push"
      ? (state.push?.name ?? state.push?.id ?? "")
      : state.kind === "multicast"
        ? state.multicastMode === "segment"
          ? t("segmentAudience", { name: expected.segmentName ?? "…" })
          : t("usersCount", { count: expected.count ?? 0 })
        : state.kind === "broadcast"
          ? tt("everyone")
          : describeTargeting(body as Targeting, (k, v) => tt(k, v), locale);
  const validated = validate.isSuccess && !validate.isPending;
  // LINE's verdict is about the messages it saw: an edit makes it stale.
  const messagesJson = JSON.stringify(body.messages);
  const { reset: resetValidate } = validate;
  useEffect(() => resetValidate(), [messagesJson, resetValidate]);

  return (
    <div className="space-y-3">
      <ul className="space-y-2 text-sm">
        <Check ok={valid} label={valid ? t("localOk") : t("localProblems", { count: compose.allIssues.size })} />
        <li className={cn("flex gap-2", validate.isError ? "items-start" : "items-center")}>
          {validate.isPending ? (
            <Loader2 aria-hidden className="size-4 animate-spin text-muted-foreground" />
          ) : validated ? (
            <CircleCheck aria-hidden className="size-4 text-success" />
          ) : validate.isError ? (
            <CircleAlert aria-hidden className="size-4 text-danger" />
          ) : (
            <ShieldCheck aria-hidden className="size-4 text-subtle-foreground" />
          )}
          {validate.isError ? (
            <div className="flex-1 text-danger">
              <ErrorMessage error={validate.error} hideDetails />
              {validate.error instanceof ApiError && validate.error.details?.length ? <p className="text-xs">{t("lineFieldsMarked")}</p> : null}
            </div>
          ) : (
            <span className="flex-1">{validated ? t("lineOk") : t("lineUnchecked")}</span>
          )}
          <Button size="xs" disabled={!valid || validate.isPending} onClick={() => validate.mutate()}>
            {t("lineCheck")}
          </Button>
        </li>
        <CostLine expected={expected} />
        {state.kind === "narrowcast" && <EstimateLine expected={expected} />}
        {scheduling && <ScheduleCheck schedule={scheduling} />}
      </ul>
      <div className="rounded-lg border border-border">
        <div className="flex flex-wrap items-center gap-2 px-3 py-2">
          <FlaskConical aria-hidden className="size-4 text-subtle-foreground" />
          <span className="min-w-0 flex-1 text-sm font-medium">{t("testTitle")}</span>
          <Button size="xs" variant="subtle" onClick={() => setShowTests((s) => !s)} aria-expanded={showTests}>
            {t("manageTests")}
          </Button>
          <Button size="xs" disabled={!valid || test.isPending} onClick={() => test.mutate()}>
            {test.isPending ? t("testSending") : t("testSend")}
          </Button>
        </div>
        {showTests && (
          <div className="border-t border-border p-3">
            <TestRecipients />
          </div>
        )}
      </div>
      <Button
        variant="primary"
        size="lg"
        className="w-full"
        onClick={() => {
          if (!valid) {
            compose.revealAll();
            requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
            return;
          }
          if (scheduling?.resolved.problem) {
            document.getElementById("schedule-date")?.focus();
            return;
          }
          send.reset();
          scheduling?.save.reset();
          setConfirm({ retryKey: crypto.randomUUID() });
          // LINE's own check (free) runs again for exactly what is about to go out.
          validate.mutate();
        }}
      >
        {scheduling ? <CalendarClock aria-hidden /> : <Send aria-hidden />}
        {scheduling ? t(scheduling.editing ? "reviewAndSave" : "reviewAndSchedule") : t("reviewAndSend")}
      </Button>
      {!valid && <p className="text-center text-2xs text-muted-foreground">{t("fixFirst")}</p>}
      <ConfirmSendDialog
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        kind={state.kind}
        audience={audience}
        audienceHint={state.kind === "multicast" && state.multicastMode === "segment" ? t("segmentAudienceHint") : undefined}
        count={expected.count}
        isEstimate={expected.isEstimate}
        basis={expected.basis}
        remaining={remaining}
        messageCount={state.messages.length}
        lineCheck={validate.isPending ? "checking" : validate.isSuccess ? "ok" : validate.isError ? "failed" : null}
        sending={scheduling ? scheduling.save.isPending || scheduling.save.isSuccess : send.isPending || send.isSuccess}
        error={scheduling ? scheduling.save.error : send.error && !(send.error instanceof ApiError && send.error.details?.length) ? send.error : null}
        schedule={scheduling ?? undefined}
        onConfirm={() => {
          if (scheduling) scheduling.save.mutate();
          else if (confirm) send.mutate(confirm.retryKey);
        }}
      />
    </div>
  );
}

function Check({ ok, label }: { ok: boolean; label: string }) {
  return (
    <li className={cn("flex items-center gap-2", !ok && "text-danger")}>
      {ok ? <CircleCheck aria-hidden className="size-4 text-success" /> : <CircleAlert aria-hidden className="size-4" />}
      <span>{label}</span>
    </li>
  );
}
