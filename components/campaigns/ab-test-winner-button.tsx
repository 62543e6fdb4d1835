"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { sendJson } from "@/lib/client/api-client";
import { campaignKeys } from "@/lib/client/campaigns";

/** "Send B to the rest (N friends)", asked once more in a dialog: the winner goes out once and cannot be taken back. */
export function AbTestWinnerButton({ campaignId, label, restSize, primary }: { campaignId: string; label: string; restSize: number | null; primary: boolean }) {
  const t = useTranslations("campaigns.abTest.winner");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const send = useMutation({
    mutationFn: () => sendJson<{ id: string }>("POST", `/api/campaigns/${encodeURIComponent(campaignId)}/winner`, { variant: label }),
    onSuccess: () => {
      setOpen(false);
      toast({ tone: "success", title: t("sent", { label }) });
    },
    // Sent or not (another member may have been quicker), the page shows what is so now.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
  });
  const count = restSize ?? 0;
  return (
    <>
      <Button
        variant={primary ? "primary" : "secondary"}
        disabled={!restSize}
        onClick={() => {
          send.reset();
          setOpen(true);
        }}
        data-testid="ab-test-send"
        data-label={label}
      >
        <Send aria-hidden />
        {t("button", { label, count })}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        tone="primary"
        title={t("confirmTitle", { label, count })}
        description={t("confirmDescription", { label, count })}
        confirmLabel={t("confirm", { label })}
        cancelLabel={t("cancel")}
        onConfirm={() => send.mutate()}
        pending={send.isPending}
        error={send.isError ? <ErrorMessage error={send.error} /> : undefined}
      />
    </>
  );
}
