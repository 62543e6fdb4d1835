"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, FileText, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { errorDescription } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toaster";
import { draftsQuery, sendKeys } from "@/lib/client/messages";
import { sendJson } from "@/lib/client/api-client";
import { cn } from "@/lib/utils/cn";

/** Saved drafts: open one, start a copy, or delete it. */
export function DraftsDialog({ open, onOpenChange, currentId }: { open: boolean; onOpenChange: (o: boolean) => void; currentId: string | null }) {
  const t = useTranslations("composer.drafts");
  const tKind = useTranslations("sends.kinds");
  const qc = useQueryClient();
  const { toast } = useToast();
  const drafts = useQuery({ ...draftsQuery(), enabled: open });
  const remove = useMutation({
    mutationFn: (id: string) => sendJson("DELETE", `/api/drafts/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sendKeys.drafts }),
    onError: (err) => toast({ tone: "danger", title: t("deleteFailed"), description: errorDescription(err) }),
  });
  const items = drafts.data?.items ?? [];
  return (
    <Dialog open={open} onOpenChange={onOpenChange} variant="sheet-right" aria-label={t("title")}>
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <DialogBody className="p-3">
        {drafts.isPending ? (
          <div className="space-y-2">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-14 w-full" />
            ))}
          </div>
        ) : items.length === 0 ? (
          <EmptyState icon={<FileText />} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <ul className="space-y-2">
            {items.map((d) => (
              <li
                key={d.id}
                className={cn("flex items-center gap-3 rounded-lg border p-3", d.id === currentId ? "border-primary bg-primary-soft/30" : "border-border")}
              >
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <Badge tone="primary">{tKind(d.kind)}</Badge>
                    <span className="truncate text-sm font-medium">{d.title || summary(d.body) || t("untitled")}</span>
                    {d.working && <Badge tone="outline">{t("workingBadge")}</Badge>}
                  </div>
                  <p className="mt-0.5 text-2xs text-muted-foreground">
                    {d.authorLabel} · <RelativeTime value={d.updatedAt} />
                  </p>
                </div>
                <Link href={`/messages/new?draft=${d.id}`} onClick={() => onOpenChange(false)} className={buttonVariants({ size: "sm" })}>
                  {t("open")}
                </Link>
                <Link
                  href={`/messages/new?copyDraft=${d.id}`}
                  onClick={() => onOpenChange(false)}
                  aria-label={t("duplicate")}
                  title={t("duplicate")}
                  className={buttonVariants({ size: "icon-sm", variant: "subtle" })}
                >
                  <Copy aria-hidden />
                </Link>
                <Button size="icon-sm" variant="subtle" aria-label={t("delete")} title={t("delete")} onClick={() => remove.mutate(d.id)}>
                  <Trash2 aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </DialogBody>
    </Dialog>
  );
}

function summary(body: Record<string, unknown>): string {
  const first = (body.messages as Array<{ text?: string; altText?: string }> | undefined)?.[0];
  return String(first?.text ?? first?.altText ?? "").slice(0, 60);
}
