"use client";

import { KeyRound, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { recoveryCodeFormSchema, twoFactorCodeFormSchema } from "@/lib/auth/schemas";
import { CODE_STEP_RESTARTS, codeStepErrorCode, type CodeStepErrorCode } from "@/lib/auth/sign-in-errors";

type Kind = "totp" | "recovery";

interface CodeStepProps {
  onSignedIn: () => void;
  onRestart: (reason: CodeStepErrorCode | null) => void;
}

/**
 * Sign-in's second step, after the right password: the 6-digit code from the authenticator app, or
 * one of the recovery codes. `onRestart` goes back to the password (the pending sign-in ended).
 */
export function CodeStepForm(props: CodeStepProps) {
  const t = useTranslations("auth.codeStep");
  const [kind, setKind] = useState<Kind>("totp");
  const totp = kind === "totp";
  return (
    <>
      <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
        {totp ? <ShieldCheck className="size-5" /> : <KeyRound className="size-5" />}
      </span>
      <h1 className="text-base font-semibold text-foreground">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted-foreground">{totp ? t("totpDescription") : t("recoveryDescription")}</p>
      {/* One form per kind of code: each is checked by its own rule, and starts empty. */}
      <CodeForm key={kind} kind={kind} {...props} />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
        <Button variant="link" className="px-0" data-testid="other-code-kind" onClick={() => setKind(totp ? "recovery" : "totp")}>
          {totp ? t("useRecoveryCode") : t("useApp")}
        </Button>
        <Button variant="link" className="px-0" onClick={() => props.onRestart(null)}>
          {t("startOver")}
        </Button>
      </div>
    </>
  );
}

function CodeForm({ kind, onSignedIn, onRestart }: CodeStepProps & { kind: Kind }) {
  const t = useTranslations("auth.codeStep");
  const te = useTranslations("auth.codeErrors");
  const errorText = useFieldErrorText();
  const totp = kind === "totp";
  const form = useZodForm<{ code: string }, { code: string }>(totp ? twoFactorCodeFormSchema : recoveryCodeFormSchema, { code: "" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The field takes the focus when the step appears and when the kind of code changes (a new form).
  useEffect(() => form.setFocus("code"), [form]);

  const submit = form.handleSubmit(async (body) => {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/auth/two-factor/${totp ? "verify-totp" : "verify-backup-code"}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.ok) return onSignedIn();
      const answer = (await res.json().catch(() => null)) as { code?: unknown } | null;
      const reason = codeStepErrorCode(answer?.code, res.status);
      if (reason && CODE_STEP_RESTARTS.includes(reason)) return onRestart(reason);
      const wait = Number(res.headers.get("retry-after"));
      setError(reason ? `${te(reason)}${wait > 0 ? ` ${t("tryAgainIn", { seconds: wait })}` : ""}` : t("failed"));
      form.reset({ code: "" });
      form.setFocus("code");
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  });

  // A refused code is the form's error, but it is about this field: the field points at it too.
  const fieldError = errorText(form.formState.errors.code);
  return (
    <form className="mt-5 space-y-4" onSubmit={(e) => void submit(e)} noValidate>
      <FormField id="code" label={totp ? t("totpLabel") : t("recoveryLabel")} error={fieldError}>
        {(control) => (
          <Input
            {...control}
            autoComplete="one-time-code"
            inputMode={totp ? "numeric" : "text"}
            pattern={totp ? "[0-9 ]*" : undefined}
            maxLength={totp ? 7 : 24}
            autoCapitalize="off"
            spellCheck={false}
            required
            className="font-mono tracking-widest"
            aria-invalid={control["aria-invalid"] ?? (error ? true : undefined)}
            aria-describedby={error ? "code-step-error" : control["aria-describedby"]}
            {...form.register("code")}
          />
        )}
      </FormField>
      {error ? (
        <div id="code-step-error">
          <FormError>{error}</FormError>
        </div>
      ) : null}
      <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending}>
        {t("verify")}
      </Button>
    </form>
  );
}
