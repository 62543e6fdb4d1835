"use client";

import { Check, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils/cn";

export interface NarrowcastProgress {
  phase?: "waiting" | "sending" | "succeeded" | "failed";
  targetCount?: number;
  successCount?: number;
  failureCount?: number;
  acceptedTime?: string;
  completedTime?: string;
}

const STEPS = ["queued", "waiting", "sending", "done"] as const;

/** LINE's narrowcast phases as a stepper (waiting → sending → succeeded/failed) with its counts. */
export function NarrowcastProgressCard({ progress, status }: { progress: NarrowcastProgress | null; status: string }) {
  const t = useTranslations("sends.progress");
  const format = useFormatter();
  const phase = progress?.phase;
  const current = !progress ? (status === "failed" ? 3 : 0) : phase === "waiting" ? 1 : phase === "sending" ? 2 : 3;
  const failed = phase === "failed" || (status === "failed" && !progress);
  const n = (v: number | undefined) => (v === undefined ? "—" : format.number(v));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ol className="grid grid-cols-4 gap-2" aria-label={t("title")} data-testid="narrowcast-phase" data-phase={phase ?? "queued"}>
          {STEPS.map((step, i) => {
            // A job that fails does so right after waiting: it never reached the sending phase.
            const done = (i < current && !(failed && step === "sending")) || (i === 3 && current === 3);
            const active = i === current && current < 3;
            const label = step === "done" ? (failed ? t("failed") : t("succeeded")) : t(step);
            return (
              <li key={step} className="space-y-1.5" aria-current={active ? "step" : undefined}>
                <div
                  className={cn("h-1.5 rounded-full", done ? (i === 3 && failed ? "bg-danger" : "bg-success") : active ? "animate-pulse bg-info" : "bg-muted")}
                />
                <p className={cn("flex items-center gap-1 text-xs", done || active ? "font-medium text-foreground" : "text-subtle-foreground")}>
                  {done && (i === 3 && failed ? <X aria-hidden className="size-3 text-danger" /> : <Check aria-hidden className="size-3 text-success" />)}
                  {label}
                </p>
              </li>
            );
          })}
        </ol>
        <dl className="grid grid-cols-3 gap-3 text-center">
          {(
            [
              ["target", progress?.targetCount],
              ["success", progress?.successCount],
              ["failure", progress?.failureCount],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className="rounded-md bg-muted/60 px-2 py-2">
              <dt className="text-2xs text-muted-foreground">{t(k)}</dt>
              <dd className="tabular text-lg font-semibold" data-testid={`progress-${k}`}>
                {n(v)}
              </dd>
            </div>
          ))}
        </dl>
        {(progress?.acceptedTime || progress?.completedTime) && (
          <p className="text-xs text-muted-foreground">
            {progress.acceptedTime && t("accepted", { time: format.dateTime(new Date(progress.acceptedTime), { dateStyle: "medium", timeStyle: "medium" }) })}
            {progress.completedTime &&
              ` · ${t("completed", { time: format.dateTime(new Date(progress.completedTime), { dateStyle: "medium", timeStyle: "medium" }) })}`}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
