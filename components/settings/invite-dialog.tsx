"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { errorsFromApi, errorsFromZod, translateFieldError, type FieldErrors } from "@/components/auth/field-errors";
import { FormError, FormField } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { Role } from "@/lib/auth/roles";
import { inviteBodySchema } from "@/lib/auth/schemas";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { memberKeys, type CreatedInvitation } from "@/lib/client/members";
import { RolePicker } from "./role-picker";
import { ShownOnceSecret } from "./shown-once-secret";

/** Invite by email and role; the answer's link is shown here once, to pass on (no email is sent). */
export function InviteDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("settings.members.invite");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")}>
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <UserPlus className="size-4" />
        </span>
        <DialogTitle className="pt-1">{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <InviteSteps onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function InviteSteps({ onDone }: { onDone: () => void }) {
  const t = useTranslations("settings.members.invite");
  const tf = useTranslations("fieldErrors");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: { email: string; role: Role }) => sendJson<CreatedInvitation>("POST", "/api/invitations", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (err) => setErrors(errorsFromApi(err)),
  });

  if (create.data) {
    const invitation = create.data;
    return (
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">
          {t.rich("ready", {
            email: invitation.email,
            expires: format.dateTime(new Date(invitation.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            strong: (chunks) => <strong className="font-medium text-foreground">{chunks}</strong>,
          })}
        </p>
        <ShownOnceSecret value={invitation.link} label={t("linkLabel")} warning={t("shownOnce")} testId="invitation-link" />
        <div className="flex justify-end">
          <Button variant="primary" onClick={onDone}>
            {t("done")}
          </Button>
        </div>
      </div>
    );
  }

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = inviteBodySchema.safeParse({ email, role });
    if (!parsed.success) return setErrors(errorsFromZod(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  };
  // Field problems show at their field; anything else (the network, a server error) here.
  const failed = create.isError && Object.keys(errors).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">{t("description")}</p>
        <FormField id="invite-email" label={t("email")} error={translateFieldError(errors.email, tf)}>
          <Input
            id="invite-email"
            type="email"
            autoComplete="off"
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "invite-email-error" : undefined}
          />
        </FormField>
        <RolePicker name="invite-role" label={t("role")} value={role} onChange={setRole} />
        {failed && (
          <FormError>
            <ErrorMessage error={create.error} lead={t("failed")} />
          </FormError>
        )}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onDone}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
