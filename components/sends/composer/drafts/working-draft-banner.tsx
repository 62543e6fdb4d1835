"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useState } from "react";
import { useSharedNow } from "@/components/common/use-shared-now";
import { Button, buttonVariants } from "@/components/ui/button";
import { sendJson } from "@/lib/client/api-client";
import { sendKeys, workingDraftQuery } from "@/lib/client/messages";

/**
 * A fresh composer, when the member left a composition unsent: continue it, or discard it. Typing a
 * new message instead replaces it (each member has one working draft), and the banner says so.
 */
export function WorkingDraftBanner() {
  const t = useTranslations("composer.drafts");
  const tKind = useTranslations("sends.kinds");
  const format = useFormatter();
  const now = useSharedNow();
  const qc = useQueryClient();
  const working = useQuery(workingDraftQuery());
  const [dismissed, setDismissed] = useState(false);
  const discard = useMutation({
    mutationFn: (id: string) => sendJson("DELETE", `/api/drafts/${id}`),
    onSuccess: () => {
      setDismissed(true);
      void qc.invalidateQueries({ queryKey: sendKeys.drafts });
    },
  });
  const d = working.data;
  if (!d || dismissed) return null;
  const first = (d.body.messages as Array<{ text?: string; altText?: string }> | undefined)?.[0];
  const preview = String(first?.text ?? first?.altText ?? "").slice(0, 80);
  return (
    <div
      role="status"
      data-testid="working-draft"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-info/30 bg-info-soft/40 px-4 py-3 text-sm"
    >
      <History aria-hidden className="size-4 shrink-0 text-info" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">{t("workingTitle", { kind: tKind(d.kind), when: format.relativeTime(new Date(d.updatedAt), now) })}</span>
        {preview && <span className="block truncate text-muted-foreground">“{preview}”</span>}
        <span className="block text-xs text-muted-foreground">{t("workingHint")}</span>
      </p>
      <Link href={`/messages/new?draft=${d.id}`} className={buttonVariants({ size: "sm", variant: "primary" })}>
        {t("workingContinue")}
      </Link>
      <Button size="sm" onClick={() => discard.mutate(d.id)} disabled={discard.isPending}>
        {t("workingDiscard")}
      </Button>
    </div>
  );
}
