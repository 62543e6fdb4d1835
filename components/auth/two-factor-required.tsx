"use client";

import { LogOut, ShieldCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { TwoFactorSetup } from "./two-factor-setup";
import { useSignOut } from "./use-sign-out";

/** The page a member sets up two-factor sign-in on before the console lets them in (when it requires it). */
export function TwoFactorRequired({ email, required }: { email: string; required: boolean }) {
  const t = useTranslations("twoFactor.required");
  const { signOut, pending } = useSignOut();
  return (
    <Card>
      <CardContent className="pt-5">
        <span aria-hidden className="mb-3 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <ShieldCheck className="size-5" />
        </span>
        <h1 className="text-base font-semibold text-foreground">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("description", { email })}</p>
        {required && (
          <Callout tone="info" className="mt-4">
            <ShieldCheck aria-hidden />
            <p>{t("requiredNotice")}</p>
          </Callout>
        )}
        <div className="mt-5 border-t border-border pt-4">
          {/* A full page load: the session was replaced, and the console is read afresh with it. */}
          <TwoFactorSetup email={email} doneLabel={t("continue")} onDone={() => window.location.replace("/")} />
        </div>
        <div className="mt-5 flex justify-center border-t border-border pt-3">
          <Button variant="subtle" size="sm" onClick={() => void signOut()} disabled={pending}>
            <LogOut aria-hidden />
            {t("signOut")}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
