"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound, ShieldCheck, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMember } from "@/components/auth/member-context";
import { MemberAvatar } from "@/components/auth/member-avatar";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge, StatusDot } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useCurrentChannel } from "@/components/layout/channel-context";
import type { MemberRole } from "@/lib/auth/members";
import { ROLES } from "@/lib/auth/roles";
import { membersQuery, type Member } from "@/lib/client/members";
import { MemberChangeDialog, type MemberChange } from "./member-change-dialog";
import { PasswordResetDialog } from "./password-reset-dialog";
import { TableSkeleton } from "./table-skeleton";

// A member's role as this page sets it, on the channel the page is on: "none" takes the channel away.
const MEMBER_ROLES: readonly MemberRole[] = [...ROLES, "none"];

export function MembersCard({ action }: { action: React.ReactNode }) {
  const t = useTranslations("settings.members");
  const query = useQuery(membersQuery());
  const [change, setChange] = useState<MemberChange | null>(null);
  const [resetting, setResetting] = useState<Member | null>(null);
  const members = query.data?.items ?? [];
  const channel = useCurrentChannel();
  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-wrap">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>
            {query.data ? t("count", { count: members.length }) : t("description")}
            {/* Roles are per channel: the page says whose they are. */}
            {channel && <span className="block">{t("rolesOn", { channel: channel.name })}</span>}
          </CardDescription>
        </div>
        {action}
      </CardHeader>
      {query.isPending ? (
        <TableSkeleton columns={4} rows={3} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : members.length === 0 ? (
        <EmptyState icon={<Users />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <MembersTable members={members} onChange={setChange} onReset={setResetting} />
      )}
      {/* Mounted per change, so a refusal shown for one change is not shown for the next. */}
      {change && (
        <MemberChangeDialog key={`${change.member.id}:${"role" in change ? change.role : change.disabled}`} change={change} onClose={() => setChange(null)} />
      )}
      {resetting && <PasswordResetDialog key={resetting.id} member={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}

function MembersTable({ members, onChange, onReset }: { members: Member[]; onChange: (c: MemberChange) => void; onReset: (m: Member) => void }) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("roles");
  const me = useMember();
  return (
    <Table>
      <TableHeader>
        <TableRow className="bg-muted/40">
          <TableHead className="w-full">{t("columns.member")}</TableHead>
          <TableHead>{t("columns.role")}</TableHead>
          <TableHead>{t("columns.status")}</TableHead>
          <TableHead>{t("columns.lastActive")}</TableHead>
          <TableHead>
            <span className="sr-only">{t("columns.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((m) => {
          const self = m.id === me?.id;
          return (
            <TableRow key={m.id} data-member={m.email} className={m.disabled ? "bg-muted/30" : undefined}>
              <TableCell className="max-w-0 min-w-56">
                <div className="flex min-w-0 items-center gap-2.5">
                  <MemberAvatar id={m.id} name={m.name} className={m.disabled ? "opacity-50" : undefined} />
                  <div className="min-w-0">
                    <p className="flex items-center gap-1.5 font-medium">
                      <span className="truncate">{m.name}</span>
                      {self && <Badge tone="outline">{t("you")}</Badge>}
                      {m.twoFactorEnabled && (
                        <Badge tone="success" title={t("twoFactorOn")} data-testid="member-two-factor">
                          <ShieldCheck aria-hidden />
                          {t("twoFactorBadge")}
                        </Badge>
                      )}
                    </p>
                    <p className="truncate text-xs text-muted-foreground">{m.email}</p>
                  </div>
                </div>
              </TableCell>
              <TableCell>
                <Select
                  aria-label={t("roleOf", { name: m.name })}
                  aria-describedby={m.consoleAdmin ? `console-admin-${m.id}` : undefined}
                  value={m.role}
                  disabled={m.disabled}
                  onChange={(e) => onChange({ member: m, role: e.target.value as MemberRole })}
                  className="w-32"
                >
                  {MEMBER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tr(r)}
                    </option>
                  ))}
                </Select>
                {m.consoleAdmin && (
                  <p id={`console-admin-${m.id}`} className="mt-1 text-2xs whitespace-nowrap text-muted-foreground">
                    {t("consoleAdminNote")}
                  </p>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <span className="inline-flex items-center gap-1.5 text-sm">
                  <StatusDot tone={m.disabled ? "neutral" : "success"} />
                  {m.disabled ? t("disabled") : t("active")}
                </span>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">{m.lastActiveAt ? <RelativeTime value={m.lastActiveAt} /> : t("never")}</TableCell>
              <TableCell className="text-right whitespace-nowrap">
                {!self && (
                  <div className="flex justify-end gap-1">
                    {!m.disabled && (
                      // Icon only below xl: the row keeps room for Disable at tablet widths.
                      <Button
                        size="sm"
                        variant="subtle"
                        onClick={() => onReset(m)}
                        aria-label={t("resetPasswordOf", { name: m.name })}
                        title={t("resetPassword")}
                      >
                        <KeyRound aria-hidden />
                        <span className="hidden xl:inline">{t("resetPassword")}</span>
                      </Button>
                    )}
                    <Button size="sm" variant={m.disabled ? "secondary" : "subtle"} onClick={() => onChange({ member: m, disabled: !m.disabled })}>
                      {m.disabled ? t("enable") : t("disable")}
                    </Button>
                  </div>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
