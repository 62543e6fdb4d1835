"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { setupBodySchema, withConfirm } from "@/lib/auth/schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { NewPasswordFields } from "./new-password-fields";

const setupFormSchema = withConfirm(setupBodySchema, "password");

/** First run: the person installing the console becomes its first admin, and is signed in. */
export function SetupForm() {
  const t = useTranslations("auth");
  const errorText = useFieldErrorText();
  const router = useRouter();
  const form = useZodForm(setupFormSchema, { name: "", email: "", password: "", confirm: "" });
  const { errors } = form.formState;
  const [formError, setFormError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFormError(null);
    setPending(true);
    try {
      await sendJson("POST", "/api/setup", body);
      router.replace("/");
      router.refresh();
    } catch (err) {
      setPending(false);
      if (!setServerErrors(form, err, ["name", "email", "password"])) setFormError(err);
    }
  });

  return (
    <Card>
      <CardContent className="pt-5">
        <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <ShieldCheck className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("setupTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("setupDescription")}</p>
        <form className="mt-5 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
          <FormField id="name" label={t("name")} error={errorText(errors.name)}>
            {(control) => <Input {...control} autoComplete="name" required {...form.register("name")} />}
          </FormField>
          <FormField id="email" label={t("email")} error={errorText(errors.email)}>
            {(control) => <Input {...control} type="email" autoComplete="username" required {...form.register("email")} />}
          </FormField>
          <NewPasswordFields
            password={form.register("password")}
            confirm={form.register("confirm")}
            value={form.watch("password")}
            passwordError={errorText(errors.password)}
            confirmError={errorText(errors.confirm)}
          />
          {formError instanceof ApiError && formError.code === "already_set_up" ? (
            <FormError>
              {t("alreadySetUp")}{" "}
              <Link href="/sign-in" className="font-medium underline underline-offset-2">
                {t("signIn")}
              </Link>
            </FormError>
          ) : formError ? (
            <FormError>
              <ErrorMessage error={formError} lead={t("setupFailed")} />
            </FormError>
          ) : null}
          <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending}>
            {pending ? t("creatingAccount") : t("createAdmin")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
