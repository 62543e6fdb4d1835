"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { setupBodySchema } from "@/lib/auth/schemas";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { errorsFromApi, errorsFromZod, translateFieldError, type FieldErrors } from "./field-errors";
import { FormError, FormField } from "./form-field";
import { NewPasswordFields } from "./new-password-fields";

/** First run: the person installing the console becomes its first admin, and is signed in. */
export function SetupForm() {
  const t = useTranslations("auth");
  const tf = useTranslations("fieldErrors");
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "", confirm: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = setupBodySchema.safeParse({ name: values.name, email: values.email, password: values.password });
    const found = parsed.success ? {} : errorsFromZod(parsed.error);
    if (values.confirm !== values.password) found.confirm = t("passwordsDiffer");
    setErrors(found);
    if (!parsed.success || found.confirm) return;
    setPending(true);
    try {
      await sendJson("POST", "/api/setup", parsed.data);
      router.replace("/");
      router.refresh();
    } catch (err) {
      setPending(false);
      setErrors(errorsFromApi(err));
      setFormError(err instanceof ApiError && err.details ? null : err);
    }
  }

  const fieldError = (field: string) => translateFieldError(errors[field], tf);

  return (
    <Card>
      <CardContent className="pt-5">
        <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <ShieldCheck className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("setupTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("setupDescription")}</p>
        <form className="mt-5 space-y-4" onSubmit={submit} noValidate>
          <FormField id="name" label={t("name")} error={fieldError("name")}>
            <Input
              id="name"
              autoComplete="name"
              required
              value={values.name}
              onChange={(e) => set("name")(e.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? "name-error" : undefined}
            />
          </FormField>
          <FormField id="email" label={t("email")} error={fieldError("email")}>
            <Input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={values.email}
              onChange={(e) => set("email")(e.target.value)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "email-error" : undefined}
            />
          </FormField>
          <NewPasswordFields
            password={values.password}
            confirm={values.confirm}
            onPasswordChange={set("password")}
            onConfirmChange={set("confirm")}
            passwordError={fieldError("password")}
            confirmError={errors.confirm}
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
