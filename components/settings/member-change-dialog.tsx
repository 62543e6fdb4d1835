"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMember } from "@/components/auth/member-context";
import { ErrorMessage } from "@/components/common/error-message";
import { useCurrentChannel } from "@/components/layout/channel-context";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import type { MemberRole } from "@/lib/auth/members";
import { ApiError, sendJson } from "@/lib/client/api-client";
import { auditKeys } from "@/lib/client/audit";
import { memberKeys, type Member } from "@/lib/client/members";

/** A role on the page's channel (admin: console admin; none: no access to it), or disabling / enabling. */
export type MemberChange = { member: Member; role: MemberRole } | { member: Member; disabled: boolean };

/** Confirms a role change or disabling/enabling, and shows the server's refusal (the last admin). */
export function MemberChangeDialog({ change, onClose }: { change: MemberChange; onClose: () => void }) {
  const t = useTranslations("settings.members");
  const tr = useTranslations("roles");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const me = useMember();
  const channel = useCurrentChannel()?.name ?? "";
  const mutation = useMutation({
    mutationFn: (c: MemberChange) =>
      sendJson("PATCH", `/api/members/${encodeURIComponent(c.member.id)}`, "role" in c ? { role: c.role } : { disabled: c.disabled }),
    onSuccess: (_, c) => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.members });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      const name = c.member.name;
      toast({
        tone: "success",
        title:
          "role" in c
            ? c.role === "none"
              ? t("accessRemoved", { name, channel })
              : c.role === "admin"
                ? t("roleChanged", { name, role: tr("admin") })
                : t("roleChangedOn", { name, role: tr(c.role), channel })
            : c.disabled
              ? t("disabledDone", { name })
              : t("enabledDone", { name }),
      });
      onClose();
    },
  });
  const error = mutation.error ? (
    <ErrorMessage error={mutation.error} lead={mutation.error instanceof ApiError && mutation.error.code === "last_admin" ? null : t("failed")} />
  ) : null;
  const { title, description, confirmLabel, tone } = changeTexts(change, { t, tr, channel, self: change.member.id === me?.id });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      tone={tone}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      cancelLabel={t("cancel")}
      pending={mutation.isPending}
      error={error}
      onConfirm={() => mutation.mutate(change)}
    />
  );
}

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * What the dialog says. A role other than admin is this channel's alone, and taking it from a console
 * admin ends their being one (lib/auth/members.ts): the dialog says so before it happens.
 */
function changeTexts(change: MemberChange, ctx: { t: Translate; tr: Translate; channel: string; self: boolean }) {
  const { t, tr, channel } = ctx;
  const name = change.member.name;
  if (!("role" in change)) {
    return change.disabled
      ? { title: t("confirmDisableTitle", { name }), description: t("confirmDisableDescription"), confirmLabel: t("disable"), tone: "danger" as const }
      : { title: t("confirmEnableTitle", { name }), description: t("confirmEnableDescription"), confirmLabel: t("enable"), tone: "primary" as const };
  }
  if (change.role === "admin") {
    return { title: t("confirmAdminTitle", { name }), description: t("confirmAdminDescription"), confirmLabel: t("changeRole"), tone: "primary" as const };
  }
  const notes = [
    change.role === "none" ? t("confirmNoneDescription", { channel }) : tr(`descriptions.${change.role}`),
    change.member.consoleAdmin ? t("endsConsoleAdmin", { channel }) : null,
    ctx.self ? t("selfDemoteWarning") : null,
  ];
  const description = notes.filter(Boolean).join(" ");
  return change.role === "none"
    ? { title: t("confirmNoneTitle", { name, channel }), description, confirmLabel: t("removeAccess"), tone: "danger" as const }
    : { title: t("confirmRoleTitle", { name, role: tr(change.role), channel }), description, confirmLabel: t("changeRole"), tone: "primary" as const };
}
