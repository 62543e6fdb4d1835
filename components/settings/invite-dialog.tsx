"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Layers, UserPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { useCurrentChannel } from "@/components/layout/channel-context";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
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
  const errorText = useFieldErrorText();
  const format = useFormatter();
  const queryClient = useQueryClient();
  const form = useZodForm(inviteBodySchema, { email: "", role: "operator" });
  const role = form.watch("role");
  const channel = useCurrentChannel()?.name ?? "";
  const create = useMutation({
    mutationFn: (body: z.output<typeof inviteBodySchema>) => sendJson<CreatedInvitation>("POST", "/api/invitations", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  // Field problems show at their field; anything else (the network, a server error) under the form.
  const [formError, setFormError] = useState<unknown>(null);
  const submit = form.handleSubmit(async (body) => {
    setFormError(null);
    await create.mutateAsync(body).catch((err: unknown) => {
      if (!setServerErrors(form, err, ["email", "role"])) setFormError(err);
    });
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

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">{t("description")}</p>
        <FormField id="invite-email" label={t("email")} error={errorText(form.formState.errors.email)}>
          {(control) => <Input {...control} type="email" autoComplete="off" autoFocus {...form.register("email")} />}
        </FormField>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <RolePicker name="invite-role" label={t("role")} value={field.value} onChange={field.onChange} />}
        />
        {/* An invitation's role is for the channel the page is on; only an admin's reaches every channel. */}
        <Callout tone="neutral" data-testid="invite-scope">
          <Layers aria-hidden />
          <p>{role === "admin" ? t("scopeAdmin") : t("scopeChannel", { channel })}</p>
        </Callout>
        {formError ? (
          <FormError>
            <ErrorMessage error={formError} lead={t("failed")} />
          </FormError>
        ) : null}
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
