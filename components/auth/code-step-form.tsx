"use client";

import { KeyRound, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { CODE_STEP_RESTARTS, codeStepErrorCode, type CodeStepErrorCode } from "@/lib/auth/sign-in-errors";
import { FormError, FormField } from "./form-field";

type Kind = "totp" | "recovery";

/**
 * Sign-in's second step, after the right password: the 6-digit code from the authenticator app, or
 * one of the recovery codes. `onRestart` goes back to the password (the pending sign-in ended).
 */
export function CodeStepForm({ onSignedIn, onRestart }: { onSignedIn: () => void; onRestart: (reason: CodeStepErrorCode | null) => void }) {
  const t = useTranslations("auth.codeStep");
  const te = useTranslations("auth.codeErrors");
  const [kind, setKind] = useState<Kind>("totp");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // The field takes the focus when the step appears and when the kind of code changes.
  useEffect(() => input.current?.focus(), [kind]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/auth/two-factor/${kind === "totp" ? "verify-totp" : "verify-backup-code"}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: kind === "totp" ? code.replace(/\s+/g, "") : code.trim() }),
      });
      if (res.ok) return onSignedIn();
      const body = (await res.json().catch(() => null)) as { code?: unknown } | null;
      const reason = codeStepErrorCode(body?.code, res.status);
      if (reason && CODE_STEP_RESTARTS.includes(reason)) return onRestart(reason);
      const wait = Number(res.headers.get("retry-after"));
      setError(reason ? `${te(reason)}${wait > 0 ? ` ${t("tryAgainIn", { seconds: wait })}` : ""}` : t("failed"));
      setCode("");
      input.current?.focus();
    } catch {
      setError(t("failed"));
    } finally {
      setPending(false);
    }
  }

  const totp = kind === "totp";
  return (
    <>
      <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
        {totp ? <ShieldCheck className="size-5" /> : <KeyRound className="size-5" />}
      </span>
      <h1 className="text-base font-semibold text-foreground">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted-foreground">{totp ? t("totpDescription") : t("recoveryDescription")}</p>
      <form className="mt-5 space-y-4" onSubmit={submit} noValidate>
        <FormField id="code" label={totp ? t("totpLabel") : t("recoveryLabel")}>
          <Input
            ref={input}
            id="code"
            key={kind}
            autoComplete="one-time-code"
            inputMode={totp ? "numeric" : "text"}
            pattern={totp ? "[0-9 ]*" : undefined}
            maxLength={totp ? 7 : 24}
            autoCapitalize="off"
            spellCheck={false}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            className="font-mono tracking-widest"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "code-step-error" : undefined}
          />
        </FormField>
        {error ? (
          <div id="code-step-error">
            <FormError>{error}</FormError>
          </div>
        ) : null}
        <Button type="submit" variant="primary" size="lg" className="w-full" disabled={pending || !code.trim()}>
          {t("verify")}
        </Button>
      </form>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
        <Button
          variant="link"
          className="px-0"
          data-testid="other-code-kind"
          onClick={() => {
            setKind(totp ? "recovery" : "totp");
            setCode("");
            setError(null);
          }}
        >
          {totp ? t("useRecoveryCode") : t("useApp")}
        </Button>
        <Button variant="link" className="px-0" onClick={() => onRestart(null)}>
          {t("startOver")}
        </Button>
      </div>
    </>
  );
}
