"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Square } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/common/error-message";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { auditKeys } from "@/lib/client/audit";
import { cancelReplay, relayKeys, relayReplayQuery, type RelayReplay } from "@/lib/client/relay";

const stateTone: Record<string, BadgeTone> = { running: "info", finished: "success", cancelled: "neutral" };

/** A replay under way: how many of its events the bot has answered, and a way to stop the rest. */
export function ReplayProgress({ replay, target, onClose }: { replay: RelayReplay; target: string; onClose: () => void }) {
  const t = useTranslations("relay.replay.progress");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const query = useQuery({ ...relayReplayQuery(replay.id), initialData: replay });
  const r = query.data;
  const cancel = useMutation({
    mutationFn: () => cancelReplay(replay.id),
    onSuccess: (data) => {
      queryClient.setQueryData(relayKeys.replay(replay.id), data);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  const running = r.state === "running";
  const done = r.progress.done;
  const counts = [
    ["succeeded", r.progress.succeeded ?? 0],
    ["refused", r.progress.refused ?? 0],
    ["expired", r.progress.expired ?? 0],
    ["pending", r.progress.pending],
    ["cancelled", r.progress.cancelled ?? 0],
  ] as const;

  return (
    <div className="space-y-4 px-5 py-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">{t("sending", { count: r.total, target })}</p>
        <Badge tone={stateTone[r.state] ?? "neutral"}>{t(`state.${r.state}`)}</Badge>
      </div>
      <div>
        <div
          role="progressbar"
          aria-label={t("label")}
          aria-valuemin={0}
          aria-valuemax={r.total}
          aria-valuenow={done}
          className="h-2 overflow-hidden rounded-full bg-border-strong/60"
        >
          <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${r.total ? (done / r.total) * 100 : 100}%` }} />
        </div>
        <p className="mt-1.5 text-xs text-muted-foreground tabular" aria-live="polite">
          {t("done", { done, total: r.total, perSecond: r.perSecond })}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-2 sm:grid-cols-5">
        {counts.map(([key, n]) => (
          <div key={key}>
            <dt className="text-xs text-muted-foreground">{t(`counts.${key}`)}</dt>
            <dd className="text-sm font-semibold tabular">{format.number(n)}</dd>
          </div>
        ))}
      </dl>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <div className="-mx-5 -mb-4 flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        {running && (
          <Button onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            <Square aria-hidden />
            {t("cancel")}
          </Button>
        )}
        <Button variant={running ? "secondary" : "primary"} onClick={onClose}>
          {running ? t("hide") : t("close")}
        </Button>
      </div>
    </div>
  );
}
