"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { RoleBadge } from "@/components/auth/role-badge";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { invitationsQuery, invitationStatus, memberKeys, type Invitation, type InvitationStatus } from "@/lib/client/members";
import { TableSkeleton } from "./table-skeleton";

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = { pending: "warning", accepted: "success", revoked: "neutral", expired: "neutral" };

/** Every invitation: pending ones can be revoked; accepted, revoked and expired ones stay as a record. */
export function InvitationsCard() {
  const t = useTranslations("settings.members.invitations");
  const query = useQuery(invitationsQuery());
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const now = useNow({ updateInterval: 60_000 }).getTime();
  const items = query.data?.items ?? [];
  const pending = items.filter((i) => invitationStatus(i, now) === "pending").length;
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{query.data ? t("pendingCount", { count: pending }) : t("description")}</CardDescription>
        </div>
      </CardHeader>
      {query.isPending ? (
        <TableSkeleton columns={4} rows={2} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState className="border-t border-border py-10" icon={<MailPlus />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow className="bg-muted/40">
              <TableHead className="w-full">{t("columns.email")}</TableHead>
              <TableHead>{t("columns.role")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
              <TableHead>{t("columns.sent")}</TableHead>
              <TableHead>{t("columns.expires")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("columns.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((i) => {
              const status = invitationStatus(i, now);
              return (
                <TableRow key={i.id} data-invitation={i.email}>
                  <TableCell className="max-w-0 min-w-48">
                    <p className={status === "pending" ? "truncate font-medium" : "truncate text-muted-foreground"}>{i.email}</p>
                    {i.invitedBy && <p className="truncate text-xs text-subtle-foreground">{t("by", { name: i.invitedBy })}</p>}
                  </TableCell>
                  <TableCell>
                    <RoleBadge role={i.role} />
                  </TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <RelativeTime value={i.createdAt} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">{status === "pending" ? <RelativeTime value={i.expiresAt} /> : "—"}</TableCell>
                  <TableCell className="text-right">
                    {status === "pending" && (
                      <Button size="sm" variant="subtle" onClick={() => setRevoking(i)}>
                        {t("revoke")}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {revoking && <RevokeDialog key={revoking.id} invitation={revoking} onClose={() => setRevoking(null)} />}
    </Card>
  );
}

function RevokeDialog({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const t = useTranslations("settings.members.invitations");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (id: string) => sendJson("DELETE", `/api/invitations/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.invitations });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      toast({ tone: "success", title: t("revoked", { email: invitation.email }) });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("confirmTitle", { email: invitation.email })}
      description={t("confirmDescription")}
      confirmLabel={t("revoke")}
      cancelLabel={t("cancel")}
      pending={mutation.isPending}
      error={mutation.error ? <ErrorMessage error={mutation.error} lead={t("failed")} /> : null}
      onConfirm={() => mutation.mutate(invitation.id)}
    />
  );
}
