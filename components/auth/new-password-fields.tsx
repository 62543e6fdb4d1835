"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput, PasswordStrengthMeter } from "./password-input";

interface NewPasswordFieldsProps {
  /** The form's registrations of the new password and of its confirmation. */
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  /** The new password as typed, for the strength meter. */
  value: string;
  /** The new password's label (default "Password": the first one an account gets). */
  passwordLabel?: string;
  /** Already translated. */
  passwordError?: string;
  confirmError?: string;
}

/** A new password, typed twice, with the strength hint under the first. */
export function NewPasswordFields({ password, confirm, value, passwordLabel, passwordError, confirmError }: NewPasswordFieldsProps) {
  const t = useTranslations("auth");
  return (
    <>
      <FormField id="password" label={passwordLabel ?? t("newPassword")} error={passwordError} hint={<PasswordStrengthMeter password={value} />}>
        {(control) => <PasswordInput {...control} autoComplete="new-password" required minLength={12} maxLength={128} {...password} />}
      </FormField>
      <FormField id="confirm" label={t("confirmPassword")} error={confirmError}>
        {(control) => <PasswordInput {...control} autoComplete="new-password" required {...confirm} />}
      </FormField>
    </>
  );
}
