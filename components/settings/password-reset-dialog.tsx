"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-field";
import type { IssuedPasswordReset } from "@/lib/client/account-security";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import type { Member } from "@/lib/client/members";
import { ShownOnceSecret } from "./shown-once-secret";

/** An admin creates a one-time link for a member to choose a new password; the link is shown here once. */
export function PasswordResetDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const t = useTranslations("settings.members.reset");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: () => sendJson<IssuedPasswordReset>("POST", `/api/members/${encodeURIComponent(member.id)}/password-reset`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
  return (
    <Dialog open onOpenChange={(open) => !open && !issue.isPending && onClose()} aria-label={t("title", { name: member.name })}>
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <KeyRound className="size-4" />
        </span>
        <DialogTitle className="pt-1">{t("title", { name: member.name })}</DialogTitle>
        <DialogClose label={t("close")} onClick={onClose} />
      </DialogHeader>
      {issue.data ? (
        <div className="space-y-4 px-5 py-4">
          <p className="text-sm text-muted-foreground">
            {t.rich("ready", {
              email: issue.data.email,
              expires: format.dateTime(new Date(issue.data.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
              strong: (chunks) => <strong className="font-medium text-foreground">{chunks}</strong>,
            })}
          </p>
          <ShownOnceSecret value={issue.data.link} label={t("linkLabel")} warning={t("shownOnce")} testId="reset-link" />
          <div className="flex justify-end">
            <Button variant="primary" onClick={onClose}>
              {t("done")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <div className="space-y-3 px-5 py-4 text-sm text-muted-foreground">
            <p>{t("description", { email: member.email })}</p>
            <p>{member.twoFactorEnabled ? t("twoFactorStays") : t("audited")}</p>
            {issue.isError && (
              <FormError>
                <ErrorMessage error={issue.error} lead={t("failed")} />
              </FormError>
            )}
          </div>
          <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
            <Button onClick={onClose} disabled={issue.isPending}>
              {t("cancel")}
            </Button>
            <Button variant="primary" onClick={() => issue.mutate()} disabled={issue.isPending}>
              {t("create")}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
