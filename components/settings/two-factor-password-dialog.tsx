"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorsFromApi, translateFieldError, type FieldErrors } from "@/components/auth/field-errors";
import { FormError, FormField } from "@/components/auth/form-field";
import { useMember } from "@/components/auth/member-context";
import { PasswordInput } from "@/components/auth/password-input";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { ApiError, sendJson } from "@/lib/client/api-client";

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
  const tf = useTranslations("fieldErrors");
  const member = useMember();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    setPending(true);
    try {
      if (kind === "disable") {
        await sendJson("POST", "/api/me/two-factor/disable", { password });
        onClose();
        onDone();
      } else {
        const made = await sendJson<{ recoveryCodes: string[] }>("POST", "/api/me/two-factor/recovery-codes", { password });
        setCodes(made.recoveryCodes);
        onDone();
      }
    } catch (err) {
      setErrors(errorsFromApi(err));
      if (!(err instanceof ApiError && err.details)) setFailure(err);
    } finally {
      setPending(false);
    }
  }

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
    <form onSubmit={submit} noValidate>
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">
          {t("description")}
          {required ? ` ${t("required")}` : ""}
        </p>
        <input type="email" autoComplete="username" value={member?.email ?? ""} readOnly hidden />
        <FormField id={`${kind}-password`} label={t("password")} error={translateFieldError(errors.password, tf)}>
          <PasswordInput
            id={`${kind}-password`}
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setErrors({});
            }}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${kind}-password-error` : undefined}
          />
        </FormField>
        {failure ? (
          <FormError>
            <ErrorMessage error={failure} />
          </FormError>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onClose}>{t("cancel")}</Button>
        <Button type="submit" variant={kind === "disable" ? "danger" : "primary"} disabled={pending || !password}>
          {t("confirm")}
        </Button>
      </div>
    </form>
  );
}
