"use client";

import { useQuery } from "@tanstack/react-query";
import { CloudUpload, Download, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useConsoleRouter } from "@/components/common/console-link";
import { RelativeTime } from "@/components/common/relative-time";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { segmentDetailQuery, type SegmentDetail } from "@/lib/client/segments";
import { AudienceError, AudienceStatus } from "./audience-status";
import { useSegmentActions } from "./use-segment-actions";

const BUSY = new Set(["uploading", "in_progress", "activating"]);

/** The segment's LINE audiences (for narrowcast), followed until ready; export and delete. */
export function SegmentAudiences({ segment, canEdit }: { segment: SegmentDetail; canEdit: boolean }) {
  const t = useTranslations("segments.audience");
  const router = useConsoleRouter();
  const { upload, remove } = useSegmentActions();
  // While LINE is still preparing an audience, look again every few seconds.
  const detail = useQuery({
    ...segmentDetailQuery(segment.id),
    initialData: segment,
    refetchInterval: (q) => (q.state.data?.audiences.some((a) => BUSY.has(a.status)) ? 3000 : false),
  });
  const audiences = detail.data.audiences;
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-3">
        {audiences.length === 0 ? (
          <p className="text-sm text-subtle-foreground">{t("none")}</p>
        ) : (
          <ul className="space-y-2.5" data-testid="audiences">
            {audiences.slice(0, 5).map((a) => (
              <li key={a.id} className="space-y-1 rounded-md border border-border p-2.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate font-medium">{a.description}</span>
                  <AudienceStatus audience={a} />
                </div>
                <p className="text-xs text-muted-foreground">
                  {t("uploaded", { count: a.uploadedCount })}
                  {a.audienceCount !== null && <> · {t("onLine", { count: a.audienceCount })}</>}
                  {a.audienceGroupId && <> · {t("groupId", { id: a.audienceGroupId })}</>} · <RelativeTime value={a.createdAt} />
                </p>
                {a.error && <AudienceError error={a.error} />}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" onClick={() => upload.mutate(segment.id, { onSuccess: () => void detail.refetch() })} disabled={upload.isPending}>
              <CloudUpload aria-hidden />
              {t("upload")}
            </Button>
            <a href={`/api/segments/${segment.id}/export`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
              <Download aria-hidden />
              {t("export", { count: format.number(segment.size ?? 0) })}
            </a>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              className="text-danger-soft-foreground"
              onClick={() =>
                window.confirm(t("confirmDelete", { name: segment.name })) && remove.mutate(segment.id, { onSuccess: () => router.push("/segments") })
              }
            >
              <Trash2 aria-hidden />
              {t("delete")}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
