"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorsFromApi, errorsFromZod, translateFieldError, type FieldErrors } from "@/components/auth/field-errors";
import { FormError, FormField } from "@/components/auth/form-field";
import { useMember } from "@/components/auth/member-context";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { PasswordInput } from "@/components/auth/password-input";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toaster";
import { changePasswordBodySchema } from "@/lib/auth/schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { sessionKeys } from "@/lib/client/sessions";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

/** Settings › Account: change your password (the current one first); your other devices are signed out. */
export function PasswordCard() {
  const t = useTranslations("settings.account.password");
  const tf = useTranslations("fieldErrors");
  const member = useMember();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field === "newPassword" ? "password" : field]: _, ...rest }) => rest);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFailure(null);
    const parsed = changePasswordBodySchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const found = parsed.success ? {} : renamed(errorsFromZod(parsed.error));
    if (values.confirm !== values.newPassword) found.confirm = t("passwordsDiffer");
    setErrors(found);
    if (!parsed.success || found.confirm) return;
    setPending(true);
    try {
      const { sessionsEnded } = await sendJson<{ sessionsEnded: number }>("POST", "/api/me/password", parsed.data);
      setValues(EMPTY);
      toast({ tone: "success", title: t("changed"), description: t("othersSignedOut", { count: sessionsEnded }) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.mine });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    } catch (err) {
      setErrors(renamed(errorsFromApi(err)));
      if (!(err instanceof ApiError && err.details)) setFailure(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("title")}>
          {/* For password managers: the account these passwords belong to. */}
          <input type="email" autoComplete="username" value={member?.email ?? ""} readOnly hidden />
          <FormField id="current-password" label={t("current")} error={translateFieldError(errors.currentPassword, tf)}>
            <PasswordInput
              id="current-password"
              autoComplete="current-password"
              value={values.currentPassword}
              onChange={(e) => set("currentPassword")(e.target.value)}
              aria-invalid={errors.currentPassword ? true : undefined}
              aria-describedby={errors.currentPassword ? "current-password-error" : undefined}
            />
          </FormField>
          <NewPasswordFields
            passwordLabel={t("new")}
            password={values.newPassword}
            confirm={values.confirm}
            onPasswordChange={set("newPassword")}
            onConfirmChange={set("confirm")}
            passwordError={translateFieldError(errors.password, tf)}
            confirmError={errors.confirm}
          />
          {failure ? (
            <FormError>
              <ErrorMessage error={failure} lead={t("failed")} />
            </FormError>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={pending || !values.currentPassword || !values.newPassword}>
              {pending ? t("changing") : t("change")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

// The new password's field is "password" in NewPasswordFields (its id); the API names it newPassword.
function renamed(errors: FieldErrors): FieldErrors {
  const { newPassword, ...rest } = errors;
  return newPassword ? { ...rest, password: newPassword } : rest;
}
