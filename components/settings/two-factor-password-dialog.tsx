"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMember } from "@/components/auth/member-context";
import { PasswordInput } from "@/components/auth/password-input";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { passwordBodySchema } from "@/lib/auth/schemas";
import { sendJson } from "@/lib/client/api-client";

/**
 * Turning two-factor sign-in off, or getting new recovery codes: both ask for the password again.
 * New codes are shown here, once.
 */
export function TwoFactorPasswordDialog({
  kind,
  open,
  onOpenChange,
  onDone,
  required = false,
}: {
  kind: "disable" | "codes";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: () => void;
  /** The console requires two-factor sign-in: turning it off sends the member to set it up again. */
  required?: boolean;
}) {
  const t = useTranslations(`twoFactor.${kind}`);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")}>
      <DialogHeader>
        <DialogTitle className="pt-1">{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      {/* Mounted per opening: a password typed once is not there the next time. */}
      {open && <PasswordForm kind={kind} required={required} onClose={() => onOpenChange(false)} onDone={onDone} />}
    </Dialog>
  );
}

function PasswordForm({ kind, required, onClose, onDone }: { kind: "disable" | "codes"; required: boolean; onClose: () => void; onDone: () => void }) {
  const t = useTranslations(`twoFactor.${kind}`);
  const errorText = useFieldErrorText();
  const member = useMember();
  const form = useZodForm(passwordBodySchema, { password: "" });
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setPending(true);
    try {
      if (kind === "disable") {
        await sendJson("POST", "/api/me/two-factor/disable", body);
        onClose();
        onDone();
      } else {
        const made = await sendJson<{ recoveryCodes: string[] }>("POST", "/api/me/two-factor/recovery-codes", body);
        setCodes(made.recoveryCodes);
        onDone();
      }
    } catch (err) {
      if (!setServerErrors(form, err, ["password"])) setFailure(err);
    } finally {
      setPending(false);
    }
  });

  if (codes) {
    return (
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">{t("ready")}</p>
        <RecoveryCodes codes={codes} email={member?.email ?? ""} />
        <div className="flex justify-end">
          <Button variant="primary" onClick={onClose}>
            {t("done")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">
          {t("description")}
          {required ? ` ${t("required")}` : ""}
        </p>
        <input type="email" autoComplete="username" value={member?.email ?? ""} readOnly hidden />
        <FormField id={`${kind}-password`} label={t("password")} error={errorText(form.formState.errors.password)}>
          {(control) => <PasswordInput {...control} autoComplete="current-password" autoFocus {...form.register("password")} />}
        </FormField>
        {failure ? (
          <FormError>
            <ErrorMessage error={failure} />
          </FormError>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" variant={kind === "disable" ? "danger" : "primary"} disabled={pending}>
          {t("confirm")}
        </Button>
      </div>
    </form>
  );
}
