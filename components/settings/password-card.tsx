"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMember } from "@/components/auth/member-context";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { PasswordInput } from "@/components/auth/password-input";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toaster";
import { changePasswordBodySchema, withConfirm } from "@/lib/auth/schemas";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { sessionKeys } from "@/lib/client/sessions";

const passwordFormSchema = withConfirm(changePasswordBodySchema, "newPassword");
const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

/** Settings › Account: change your password (the current one first); your other devices are signed out. */
export function PasswordCard() {
  const t = useTranslations("settings.account.password");
  const errorText = useFieldErrorText();
  const member = useMember();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(passwordFormSchema, EMPTY);
  const { errors } = form.formState;
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setPending(true);
    try {
      const { sessionsEnded } = await sendJson<{ sessionsEnded: number }>("POST", "/api/me/password", body);
      form.reset(EMPTY);
      toast({ tone: "success", title: t("changed"), description: t("othersSignedOut", { count: sessionsEnded }) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.mine });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    } catch (err) {
      if (!setServerErrors(form, err, ["currentPassword", "newPassword"])) setFailure(err);
    } finally {
      setPending(false);
    }
  });

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" aria-label={t("title")}>
          {/* For password managers: the account these passwords belong to. */}
          <input type="email" autoComplete="username" value={member?.email ?? ""} readOnly hidden />
          <FormField id="current-password" label={t("current")} error={errorText(errors.currentPassword)}>
            {(control) => <PasswordInput {...control} autoComplete="current-password" {...form.register("currentPassword")} />}
          </FormField>
          <NewPasswordFields
            passwordLabel={t("new")}
            password={form.register("newPassword")}
            confirm={form.register("confirm")}
            value={form.watch("newPassword")}
            passwordError={errorText(errors.newPassword)}
            confirmError={errorText(errors.confirm)}
          />
          {failure ? (
            <FormError>
              <ErrorMessage error={failure} lead={t("failed")} />
            </FormError>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? t("changing") : t("change")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
