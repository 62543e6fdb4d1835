"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { useConsoleRouter } from "@/components/common/console-link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMember } from "@/components/auth/member-context";
import { TwoFactorSetup } from "@/components/auth/two-factor-setup";
import { ErrorState } from "@/components/common/error-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { accountSecurityKeys, twoFactorStatusQuery } from "@/lib/client/account-security";
import { auditKeys } from "@/lib/client/audit";
import { TwoFactorPasswordDialog } from "./two-factor-password-dialog";

type Open = "setup" | "disable" | "codes" | null;

/** Settings › Account: two-factor sign-in — on or off, recovery codes left, and the ways to change it. */
export function TwoFactorCard() {
  const t = useTranslations("twoFactor.card");
  const member = useMember();
  const router = useConsoleRouter();
  const queryClient = useQueryClient();
  const query = useQuery(twoFactorStatusQuery());
  const [open, setOpen] = useState<Open>(null);
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: accountSecurityKeys.twoFactor });
    void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    // The session was replaced and the member's state changed: the layout reads it again.
    router.refresh();
  };
  const status = query.data;

  return (
    <Card>
      <CardHeader className="flex-wrap">
        <div>
          <CardTitle className="flex items-center gap-2">
            {t("title")}
            {status && (
              <Badge tone={status.enabled ? "success" : "neutral"} data-testid="two-factor-state">
                {status.enabled ? <ShieldCheck aria-hidden /> : <ShieldOff aria-hidden />}
                {status.enabled ? t("on") : t("off")}
              </Badge>
            )}
          </CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {query.isPending ? (
          <div aria-hidden className="space-y-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-8 w-32" />
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : status!.enabled ? (
          <>
            <p className="text-sm text-muted-foreground">
              {status!.recoveryCodesLeft === null ? t("enabled") : t("enabledWithCodes", { count: status!.recoveryCodesLeft })}
            </p>
            {status!.recoveryCodesLeft !== null && status!.recoveryCodesLeft <= 3 && (
              <Callout tone="warning">
                <ShieldOff aria-hidden />
                <p>{t("fewCodesLeft")}</p>
              </Callout>
            )}
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => setOpen("codes")}>{t("newCodes")}</Button>
              <Button variant="subtle" onClick={() => setOpen("disable")}>
                {t("turnOff")}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-muted-foreground">{status!.required ? t("requiredOff") : t("disabled")}</p>
            <Button variant="primary" onClick={() => setOpen("setup")} data-testid="two-factor-turn-on">
              <ShieldCheck aria-hidden />
              {t("turnOn")}
            </Button>
          </>
        )}
      </CardContent>
      <Dialog open={open === "setup"} onOpenChange={(o) => setOpen(o ? "setup" : null)} aria-label={t("setupTitle")}>
        <DialogHeader>
          <DialogTitle className="pt-1">{t("setupTitle")}</DialogTitle>
          <DialogClose label={t("close")} onClick={() => setOpen(null)} />
        </DialogHeader>
        <div className="px-5 py-4">
          <TwoFactorSetup
            email={member?.email ?? ""}
            doneLabel={t("done")}
            onDone={() => {
              setOpen(null);
              changed();
            }}
          />
        </div>
      </Dialog>
      <TwoFactorPasswordDialog
        kind="disable"
        open={open === "disable"}
        onOpenChange={(o) => setOpen(o ? "disable" : null)}
        onDone={changed}
        required={status?.required ?? false}
      />
      <TwoFactorPasswordDialog kind="codes" open={open === "codes"} onOpenChange={(o) => setOpen(o ? "codes" : null)} onDone={changed} />
    </Card>
  );
}
