"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { History, Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ApiError } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { previewReplay, relayDestinationsQuery, relayKeys, startReplay, type RelayReplay, type RelayReplayPreview, type ReplayBody } from "@/lib/client/relay";
import { issuesFromApi } from "./form-issues";
import { ReplayProgress } from "./replay-progress";
import { ReplayTargetStep, targetOf, type TargetState } from "./replay-target-step";

interface ReplayDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  scope: ReplayBody["scope"];
  /** Said before the choice (the timeline: its text search does not narrow a replay). */
  note?: React.ReactNode;
}

/** Replay: where to → how many (the server counts) → a confirmation naming both → progress, cancellable. */
export function ReplayDialog({ open, onOpenChange, scope, note }: ReplayDialogProps) {
  const t = useTranslations("relay.replay");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")} className="w-[min(34rem,calc(100vw-2rem))]">
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <History className="size-4" />
        </span>
        <div className="min-w-0 pt-1">
          <DialogTitle>{t("title")}</DialogTitle>
          <p className="mt-0.5 text-xs text-muted-foreground">{t(`scope.${scope.kind}`)}</p>
        </div>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <ReplaySteps scope={scope} note={note} onClose={() => onOpenChange(false)} />
    </Dialog>
  );
}

function ReplaySteps({ scope, note, onClose }: { scope: ReplayBody["scope"]; note?: React.ReactNode; onClose: () => void }) {
  const t = useTranslations("relay.replay");
  const queryClient = useQueryClient();
  const destinations = useQuery(relayDestinationsQuery()).data?.items ?? [];
  const [chosen, setTarget] = useState<Partial<TargetState>>({ url: "", secret: "" });
  // Until the admin picks, the first destination (the list may arrive after the dialog opened).
  const target: TargetState = {
    kind: chosen.kind ?? (destinations.length ? "destination" : "url"),
    destinationId: chosen.destinationId ?? String(destinations[0]?.id ?? ""),
    url: chosen.url ?? "",
    secret: chosen.secret ?? "",
  };
  const [preview, setPreview] = useState<RelayReplayPreview | null>(null);
  const [replay, setReplay] = useState<RelayReplay | null>(null);
  const body = (): ReplayBody => ({ scope, target: targetOf(target) });

  const count = useMutation({ mutationFn: () => previewReplay(body()), onSuccess: setPreview });
  const start = useMutation({
    mutationFn: (expectedCount: number) => startReplay({ ...body(), expectedCount }),
    onSuccess: (data) => {
      setReplay(data);
      void queryClient.invalidateQueries({ queryKey: relayKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    // The events changed since they were counted: count again, and ask again with the new number.
    onError: (err) => {
      if (err instanceof ApiError && err.code === "relay_replay_count_changed") count.mutate();
    },
  });

  if (replay && preview) return <ReplayProgress replay={replay} target={preview.target} onClose={onClose} />;

  if (preview) {
    const tooMany = preview.count > preview.max;
    return (
      <div>
        <div className="space-y-3 px-5 py-4">
          <p role="status" className="text-sm font-medium">
            {preview.count === 0 ? t("nothing") : t("confirm", { count: preview.count, target: preview.target })}
          </p>
          {preview.count > 0 && <p className="text-xs text-muted-foreground">{t("confirmHint", { perSecond: 10 })}</p>}
          {tooMany && <Callout tone="warning">{t("tooMany", { max: preview.max })}</Callout>}
          {start.isError && <ErrorAlert error={start.error} />}
        </div>
        <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
          <Button
            onClick={() => {
              start.reset();
              setPreview(null);
            }}
            disabled={start.isPending}
          >
            {t("back")}
          </Button>
          <Button variant="primary" autoFocus onClick={() => start.mutate(preview.count)} disabled={start.isPending || preview.count === 0 || tooMany}>
            {start.isPending ? t("starting") : t("start", { count: preview.count })}
          </Button>
        </div>
      </div>
    );
  }

  const issues = issuesFromApi(count.error);
  const ready = target.kind === "destination" ? target.destinationId !== "" : target.url.trim() !== "";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) count.mutate();
      }}
    >
      <div className="space-y-4 px-5 py-4">
        {note && (
          <Callout tone="info">
            <Info aria-hidden />
            <div className="min-w-0">{note}</div>
          </Callout>
        )}
        <p className="text-sm text-muted-foreground">
          {t.rich("explain", { code: (chunks) => <code className="font-mono text-xs text-foreground">{chunks}</code> })}
        </p>
        <ReplayTargetStep value={target} onChange={setTarget} destinations={destinations} issues={issues} />
        {count.isError && Object.keys(issues).length === 0 && <ErrorAlert error={count.error} />}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={!ready || count.isPending}>
          {count.isPending ? t("counting") : t("next")}
        </Button>
      </div>
    </form>
  );
}
