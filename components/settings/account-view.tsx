"use client";

import { useTranslations } from "next-intl";
import { useMember } from "@/components/auth/member-context";
import { MemberAvatar } from "@/components/auth/member-avatar";
import { RoleBadge } from "@/components/auth/role-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DetailList, DetailRow } from "./detail-list";
import { PasswordCard } from "./password-card";
import { PreferencesCard } from "./preferences-card";
import { TwoFactorCard } from "./two-factor-card";

/**
 * Settings › Account: who you are here (an admin changes roles), your language and time zone, and how
 * you sign in (password, two-factor). An API key has no password: it sees the first two only.
 */
export function AccountView() {
  const t = useTranslations("settings.account");
  const tr = useTranslations("roles");
  const member = useMember();
  if (!member) return null;
  return (
    <div className="grid items-start gap-5 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <div>
            <CardTitle>{t("profileTitle")}</CardTitle>
            <CardDescription>{t("profileDescription")}</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex items-center gap-3">
            <MemberAvatar id={member.id} name={member.name} className="size-12 text-base" />
            <div className="min-w-0">
              <p className="truncate text-base font-semibold">{member.name}</p>
              <p className="truncate text-sm text-muted-foreground">{member.email}</p>
            </div>
          </div>
          <DetailList>
            <DetailRow label={t("role")}>
              <RoleBadge role={member.role} />
            </DetailRow>
          </DetailList>
          <p className="text-xs text-muted-foreground">{tr(`descriptions.${member.role}`)}</p>
        </CardContent>
      </Card>
      <PreferencesCard />
      {member.kind === "user" && (
        <>
          <PasswordCard />
          <TwoFactorCard />
        </>
      )}
    </div>
  );
}
