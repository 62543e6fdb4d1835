"use client";

import { CircleCheck, LogIn } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { signInBodySchema } from "@/lib/auth/schemas";
import { signInErrorCode, type CodeStepErrorCode } from "@/lib/auth/sign-in-errors";
import { sameOriginPath } from "@/lib/platform/http/same-origin-path";
import { CodeStepForm } from "./code-step-form";

/**
 * The password, then — for a member with two-factor sign-in — the code step. `notice`: why the page was
 * opened (a password just reset with a link).
 */
export function SignInForm({ next, notice }: { next: string; notice?: "passwordReset" }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [step, setStep] = useState<"password" | "code">("password");
  const errorText = useFieldErrorText();
  const form = useZodForm(signInBodySchema, { email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [pending, setPending] = useState(false);

  // A throttled sign-in counts down to when the next attempt will be heard.
  useEffect(() => {
    if (!waitUntil) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [waitUntil]);
  const waitSeconds = waitUntil ? Math.max(0, Math.ceil((waitUntil - now) / 1000)) : 0;

  const submit = form.handleSubmit(async (values) => {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(values),
      });
      if (res.ok) {
        const body = (await res.json().catch(() => null)) as { twoFactorRedirect?: boolean } | null;
        if (body?.twoFactorRedirect) {
          setStep("code");
          return;
        }
        return signedIn();
      }
      const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
      const code = signInErrorCode(body?.code, res.status);
      if (code === "TOO_MANY_ATTEMPTS") {
        const seconds = Number(res.headers.get("retry-after") ?? 30);
        setWaitUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
      }
      setError(code ? t(`errors.${code}`) : t("signInFailed"));
    } catch {
      setError(t("signInFailed"));
    } finally {
      setPending(false);
    }
  });

  function signedIn() {
    // Checked again here: the prop is the server's, but this is where the browser goes.
    router.replace(sameOriginPath(next));
    router.refresh();
  }

  function restart(reason: CodeStepErrorCode | null) {
    setStep("password");
    form.resetField("password");
    setError(reason ? t(`codeErrors.${reason}`) : null);
  }

  if (step === "code") {
    return (
      <Card>
        <CardContent className="pt-5">
          <CodeStepForm onSignedIn={signedIn} onRestart={restart} />
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <h1 className="text-base font-semibold text-foreground">{t("signInTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("signInDescription")}</p>
        {notice === "passwordReset" && (
          <Callout tone="success" className="mt-4" role="status">
            <CircleCheck aria-hidden />
            <p>{t("passwordResetDone")}</p>
          </Callout>
        )}
        <form className="mt-5 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
          <FormField id="email" label={t("email")} error={errorText(form.formState.errors.email)}>
            {(control) => <Input {...control} type="email" autoComplete="username" required {...form.register("email")} />}
          </FormField>
          <FormField id="password" label={t("password")} error={errorText(form.formState.errors.password)}>
            {(control) => <Input {...control} type="password" autoComplete="current-password" required {...form.register("password")} />}
          </FormField>
          {error ? <FormError>{waitSeconds > 0 ? `${error} ${t("tryAgainIn", { seconds: waitSeconds })}` : error}</FormError> : null}
          <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending || waitSeconds > 0}>
            <LogIn />
            {t("signIn")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
