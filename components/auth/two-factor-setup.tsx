"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { passwordBodySchema, twoFactorCodeFormSchema } from "@/lib/auth/schemas";
import { accountSecurityKeys, type TwoFactorStart } from "@/lib/client/account-security";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { PasswordInput } from "./password-input";
import { QrCode } from "./qr-code";
import { RecoveryCodes } from "./recovery-codes";

type Step = { name: "password" } | { name: "scan"; start: TwoFactorStart } | { name: "codes"; codes: string[] };

/**
 * Turning two-factor sign-in on, in three steps: your password; the QR code (and the key, for typing
 * in) for an authenticator app, confirmed with a first code; the recovery codes, shown this once.
 * Used in Settings › Account and on the page a member is sent to when the console requires it.
 */
export function TwoFactorSetup({ email, onDone, doneLabel }: { email: string; onDone: () => void; doneLabel: string }) {
  const t = useTranslations("twoFactor.setup");
  const [step, setStep] = useState<Step>({ name: "password" });
  const heading = useRef<HTMLHeadingElement>(null);
  // Each step says where the member is: focus goes to its heading, which a screen reader reads.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.name]);

  const stepNumber = step.name === "password" ? 1 : step.name === "scan" ? 2 : 3;
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs font-medium text-muted-foreground">{t("stepOf", { step: stepNumber, steps: 3 })}</p>
        <h3 ref={heading} tabIndex={-1} className="text-sm font-semibold text-foreground outline-none">
          {t(`${step.name}Title`)}
        </h3>
      </div>
      {step.name === "password" ? (
        <PasswordStep email={email} onStarted={(start) => setStep({ name: "scan", start })} />
      ) : step.name === "scan" ? (
        <ScanStep start={step.start} onConfirmed={() => setStep({ name: "codes", codes: step.start.recoveryCodes })} />
      ) : (
        <CodesStep codes={step.codes} email={email} onDone={onDone} doneLabel={doneLabel} />
      )}
    </div>
  );
}

function PasswordStep({ email, onStarted }: { email: string; onStarted: (start: TwoFactorStart) => void }) {
  const t = useTranslations("twoFactor.setup");
  const errorText = useFieldErrorText();
  const form = useZodForm(passwordBodySchema, { password: "" });
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setPending(true);
    try {
      onStarted(await sendJson<TwoFactorStart>("POST", "/api/me/two-factor", body));
    } catch (err) {
      setPending(false);
      if (!setServerErrors(form, err, ["password"])) setFailure(err);
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <p className="text-sm text-muted-foreground">{t("passwordDescription")}</p>
      {/* For password managers: the account this password belongs to. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <FormField id="two-factor-password" label={t("password")} error={errorText(form.formState.errors.password)}>
        {(control) => <PasswordInput {...control} autoComplete="current-password" autoFocus {...form.register("password")} />}
      </FormField>
      {failure ? (
        <FormError>
          <ErrorMessage error={failure} />
        </FormError>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={pending}>
          {t("continue")}
        </Button>
      </div>
    </form>
  );
}

function ScanStep({ start, onConfirmed }: { start: TwoFactorStart; onConfirmed: () => void }) {
  const t = useTranslations("twoFactor.setup");
  const errorText = useFieldErrorText();
  const tc = useTranslations("common");
  const queryClient = useQueryClient();
  const form = useZodForm(twoFactorCodeFormSchema, { code: "" });
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setPending(true);
    try {
      await sendJson("POST", "/api/me/two-factor/confirm", body);
      void queryClient.invalidateQueries({ queryKey: accountSecurityKeys.twoFactor });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      onConfirmed();
    } catch (err) {
      setPending(false);
      if (!setServerErrors(form, err, ["code"])) setFailure(err);
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <ol className="list-decimal space-y-4 pl-5 text-sm text-muted-foreground marker:text-subtle-foreground">
        <li className="space-y-3 pl-1">
          <p>{t("scan")}</p>
          <div className="flex flex-wrap items-start gap-4">
            <QrCode value={start.totpUri} label={t("qrLabel")} className="size-40 shrink-0" />
            <div className="min-w-0 flex-1 basis-48 space-y-1.5">
              <p className="text-xs">{t("cannotScan")}</p>
              <div className="flex items-center gap-1 rounded-md border border-border bg-muted/40 py-1 pr-1 pl-3">
                <code data-testid="two-factor-secret" className="min-w-0 flex-1 font-mono text-sm text-foreground">
                  {start.secret.match(/.{1,4}/g)?.join(" ")}
                </code>
                <CopyButton value={start.secret} label={t("copyKey")} copiedLabel={tc("copied")} />
              </div>
              <p className="text-xs text-subtle-foreground">{t("keyHint")}</p>
            </div>
          </div>
        </li>
        <li className="pl-1">
          <FormField id="two-factor-code" label={t("code")} error={errorText(form.formState.errors.code)}>
            {(control) => (
              <Input
                {...control}
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9 ]*"
                maxLength={7}
                spellCheck={false}
                className="w-40 font-mono tracking-widest"
                {...form.register("code")}
              />
            )}
          </FormField>
        </li>
      </ol>
      {failure ? (
        <FormError>
          <ErrorMessage error={failure} />
        </FormError>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={pending}>
          {t("confirm")}
        </Button>
      </div>
    </form>
  );
}

function CodesStep({ codes, email, onDone, doneLabel }: { codes: string[]; email: string; onDone: () => void; doneLabel: string }) {
  const t = useTranslations("twoFactor.setup");
  const [saved, setSaved] = useState(false);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{t("codesDescription", { count: codes.length })}</p>
      <RecoveryCodes codes={codes} email={email} />
      <label className="flex items-start gap-2 text-sm">
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} className="mt-0.5" />
        <span>{t("saved")}</span>
      </label>
      <div className="flex justify-end">
        <Button variant="primary" disabled={!saved} onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
