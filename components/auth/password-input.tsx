"use client";

import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input } from "@/components/ui/input";
import { passwordStrength } from "@/lib/auth/password-strength";
import { cn } from "@/lib/utils/cn";

type PasswordInputProps = Omit<React.ComponentProps<"input">, "type"> & {
  /** The toggle's names for what is not a password (a channel secret); "Show password" otherwise. */
  revealLabels?: { show: string; hide: string };
};

/** A password input with a show/hide toggle (typing a new password blind on a tablet is error-prone). */
export function PasswordInput({ className, revealLabels, ...props }: PasswordInputProps) {
  const t = useTranslations("auth");
  const [visible, setVisible] = useState(false);
  return (
    <div className={cn("relative", className)}>
      <Input type={visible ? "text" : "password"} className="pr-9" spellCheck={false} autoCapitalize="off" {...props} />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        aria-label={visible ? (revealLabels?.hide ?? t("hidePassword")) : (revealLabels?.show ?? t("showPassword"))}
        aria-pressed={visible}
        className="absolute inset-y-0 right-0 flex w-8 items-center justify-center rounded-r-md text-subtle-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {visible ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
      </button>
    </div>
  );
}

const BAR_TONE = ["bg-danger", "bg-danger", "bg-warning", "bg-success", "bg-success"] as const;
const TEXT_TONE = [
  "text-muted-foreground",
  "text-danger",
  "text-warning-soft-foreground",
  "text-success-soft-foreground",
  "text-success-soft-foreground",
] as const;

/** Four bars and a word: how guessable the new password looks, with the rule while it is too short. */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const t = useTranslations("auth.strength");
  const { score, label } = passwordStrength(password);
  return (
    <div className="space-y-1.5" aria-live="polite">
      <div aria-hidden className="grid grid-cols-4 gap-1">
        {[1, 2, 3, 4].map((bar) => (
          <span key={bar} className={cn("h-1 rounded-full transition-colors", password && score >= bar ? BAR_TONE[score] : "bg-muted")} />
        ))}
      </div>
      <p className="flex flex-wrap justify-between gap-x-3 gap-y-0.5">
        <span>{t("rule")}</span>
        {password && <span className={cn("font-medium", TEXT_TONE[score])}>{t(label)}</span>}
      </p>
    </div>
  );
}
