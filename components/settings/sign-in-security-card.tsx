"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useMember } from "@/components/auth/member-context";
import { errorDescription } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toaster";
import { accountSecurityKeys, authPolicyQuery, twoFactorStatusQuery, type AuthPolicy } from "@/lib/client/account-security";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { membersQuery } from "@/lib/client/members";

/**
 * Settings › Members: the console's sign-in rule for everyone — require two-factor sign-in. Members
 * without it are sent to set it up when they next use the console; API keys are not affected.
 */
export function SignInSecurityCard() {
  const t = useTranslations("settings.members.security");
  const me = useMember();
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const policy = useQuery(authPolicyQuery());
  const mine = useQuery({ ...twoFactorStatusQuery(), enabled: me?.kind === "user" });
  const members = useQuery(membersQuery());
  const id = useId();
  const save = useMutation({
    mutationFn: (requireTwoFactor: boolean) => sendJson<AuthPolicy>("PATCH", "/api/settings/security", { requireTwoFactor }),
    onSuccess: (saved) => {
      queryClient.setQueryData(accountSecurityKeys.policy, saved);
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      toast({ tone: "success", title: saved.requireTwoFactor ? t("nowRequired") : t("noLongerRequired") });
    },
    onError: (err) => toast({ tone: "danger", title: t("notSaved"), description: errorDescription(err) }),
  });
  const active = (members.data?.items ?? []).filter((m) => !m.disabled);
  const withTwoFactor = active.filter((m) => m.twoFactorEnabled).length;
  // An admin requires it of everyone once they have it: otherwise the switch would send them away first.
  const mustEnableOwn = me?.kind === "user" && mine.data !== undefined && !mine.data.enabled && !policy.data?.requireTwoFactor;

  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {policy.isPending ? (
          <Skeleton aria-hidden className="h-10 w-full" />
        ) : policy.isError ? (
          <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
        ) : (
          <div className="flex items-start justify-between gap-4">
            <div className="min-w-0 space-y-1">
              <label htmlFor={id} className="flex items-center gap-1.5 text-sm font-medium">
                <ShieldCheck aria-hidden className="size-4 text-subtle-foreground" />
                {t("requireTwoFactor")}
              </label>
              <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                {t("requireTwoFactorHint")}
                {members.data ? ` ${t("adoption", { count: withTwoFactor, total: active.length })}` : ""}
              </p>
              {mustEnableOwn && (
                <p className="text-xs text-muted-foreground">
                  {t.rich("enableOwnFirst", {
                    link: (chunks) => (
                      <Link href="/settings/account" className="font-medium text-primary-soft-foreground underline underline-offset-2">
                        {chunks}
                      </Link>
                    ),
                  })}
                </p>
              )}
            </div>
            <Switch
              id={id}
              checked={policy.data.requireTwoFactor}
              disabled={save.isPending || mustEnableOwn}
              onCheckedChange={(on) => save.mutate(on)}
              aria-describedby={`${id}-hint`}
              className="mt-0.5"
            />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
