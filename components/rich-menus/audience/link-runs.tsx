"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { linkRunsQuery, resumeLinkRun } from "@/lib/client/rich-menu-links";
import { richMenuKeys, type LinkRun } from "@/lib/client/rich-menus";

const STATUS_TONE: Record<LinkRun["status"], BadgeTone> = { running: "info", done: "success", failed: "danger", cancelled: "neutral" };

/** The menu's link and unlink runs, newest first: live progress while one runs, Resume when one failed. */
export function LinkRuns({ richMenuId, canEdit }: { richMenuId: string; canEdit: boolean }) {
  const t = useTranslations("richMenus.audience.runs");
  const runs = useQuery(linkRunsQuery(richMenuId));
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {runs.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ol className="divide-y divide-border" aria-label={t("title")}>
            {runs.data.map((run) => (
              <RunRow key={run.id} run={run} richMenuId={richMenuId} canEdit={canEdit} />
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function RunRow({ run, richMenuId, canEdit }: { run: LinkRun; richMenuId: string; canEdit: boolean }) {
  const t = useTranslations("richMenus.audience.runs");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const resume = useMutation({
    mutationFn: () => resumeLinkRun(run.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: richMenuKeys.linkRuns(richMenuId) }),
  });
  const settled = run.done + run.failed;
  const percent = run.total === 0 ? 100 : Math.round((settled / run.total) * 100);
  const who = run.target.kind === "segment" ? t("targetSegment", { name: run.target.segmentName ?? "—" }) : t("targetFriends", { count: run.total });
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="link-run" data-status={run.status}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">{t(`action.${run.action}`)}</span>
        <span className="text-muted-foreground">{who}</span>
        <Badge tone={STATUS_TONE[run.status]}>{t(`status.${run.status}`)}</Badge>
        <span className="ml-auto text-xs text-muted-foreground">
          <RelativeTime value={run.createdAt} />
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={settled}
        aria-valuetext={t("progress", { done: run.done, total: run.total })}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className={run.failed > 0 ? "h-full bg-danger" : "h-full bg-primary"} style={{ width: `${percent}%` }} />
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <span className="tabular" data-testid="link-run-progress">
          {t("progress", { done: format.number(run.done), total: format.number(run.total) })}
        </span>
        {run.failed > 0 && <span className="text-danger">{t("failedFriends", { count: run.failed })}</span>}
        {run.error && <span className="text-danger">{run.error}</span>}
        {run.status === "failed" && canEdit && (
          <Button size="xs" onClick={() => resume.mutate()} disabled={resume.isPending} className="ml-auto">
            <RotateCw aria-hidden />
            {t("resume")}
          </Button>
        )}
      </div>
      {resume.isError && <ErrorAlert error={resume.error} />}
    </li>
  );
}
