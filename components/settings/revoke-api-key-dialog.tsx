"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { apiKeyKeys, type ApiKey } from "@/lib/client/api-keys";
import { auditKeys } from "@/lib/client/audit";

/** Revoking stops the key on its next request, everywhere; it cannot be undone. */
export function RevokeApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const t = useTranslations("settings.apiKeys");
  const { toast } = useToast();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (id: string) => sendJson("DELETE", `/api/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      toast({ tone: "success", title: t("revokedDone", { name: apiKey.name }) });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("confirmRevokeTitle", { name: apiKey.name })}
      description={t("confirmRevokeDescription")}
      confirmLabel={t("revoke")}
      cancelLabel={t("cancel")}
      pending={mutation.isPending}
      error={mutation.error ? <ErrorMessage error={mutation.error} lead={t("failed")} /> : null}
      onConfirm={() => mutation.mutate(apiKey.id)}
    />
  );
}
