"use client";

import { useTranslations } from "next-intl";
import { FormField } from "./form-field";
import { PasswordInput, PasswordStrengthMeter } from "./password-input";

interface NewPasswordFieldsProps {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** The new password's label (default "Password": the first one an account gets). */
  passwordLabel?: string;
  /** Already translated. */
  passwordError?: string;
  confirmError?: string;
}

/** A new password, typed twice, with the strength hint under the first. */
export function NewPasswordFields({
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  passwordLabel,
  passwordError,
  confirmError,
}: NewPasswordFieldsProps) {
  const t = useTranslations("auth");
  return (
    <>
      <FormField id="password" label={passwordLabel ?? t("newPassword")} error={passwordError} hint={<PasswordStrengthMeter password={password} />}>
        <PasswordInput
          id="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          value={password}
          onChange={(e) => onPasswordChange(e.target.value)}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? "password-error" : "password-hint"}
        />
      </FormField>
      <FormField id="confirm" label={t("confirmPassword")} error={confirmError}>
        <PasswordInput
          id="confirm"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => onConfirmChange(e.target.value)}
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? "confirm-error" : undefined}
        />
      </FormField>
    </>
  );
}
