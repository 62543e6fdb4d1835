"use client";

import { KeyRound, Mail } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { RelativeTime } from "@/components/common/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { FormError } from "@/components/ui/form-field";
import { resetPasswordBodySchema, withConfirm } from "@/lib/auth/schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { NewPasswordFields } from "./new-password-fields";

const resetFormSchema = withConfirm(resetPasswordBodySchema, "password");

/** The member chooses a new password with a one-time link; then they sign in with it. */
export function ResetPasswordForm({ token, reset }: { token: string; reset: { email: string; expiresAt: string } }) {
  const t = useTranslations("auth.reset");
  const errorText = useFieldErrorText();
  const router = useRouter();
  // The token rides along as a value no input shows.
  const form = useZodForm(resetFormSchema, { token, password: "", confirm: "" });
  const { errors } = form.formState;
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setPending(true);
    try {
      await sendJson("POST", "/api/password-resets/accept", body);
      router.replace("/sign-in?reset=1");
    } catch (err) {
      setPending(false);
      if (!setServerErrors(form, err, ["password"])) setFailure(err);
    }
  });

  return (
    <Card>
      <CardContent className="pt-5">
        <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <KeyRound className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("description")}</p>
        <div className="mt-4 space-y-2.5 rounded-lg border border-border bg-muted/50 p-3 text-sm">
          <p className="flex items-center gap-2.5">
            <Mail aria-hidden className="size-4 shrink-0 text-subtle-foreground" />
            <span className="min-w-0 truncate font-medium" data-testid="reset-email">
              {reset.email}
            </span>
          </p>
          <p className="text-xs text-muted-foreground">{t.rich("expires", { time: () => <RelativeTime value={reset.expiresAt} /> })}</p>
        </div>
        <form className="mt-5 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
          {/* For password managers: the account this password belongs to. */}
          <input type="email" autoComplete="username" value={reset.email} readOnly hidden />
          <NewPasswordFields
            passwordLabel={t("newPassword")}
            password={form.register("password")}
            confirm={form.register("confirm")}
            value={form.watch("password")}
            passwordError={errorText(errors.password)}
            confirmError={errorText(errors.confirm)}
          />
          {failure ? (
            <FormError>
              <ErrorMessage error={failure} lead={failure instanceof ApiError && failure.code === "reset_link_invalid" ? null : t("failed")} />
            </FormError>
          ) : null}
          <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <p className="text-xs text-muted-foreground">{t("signedOutEverywhere")}</p>
        </form>
      </CardContent>
    </Card>
  );
}
