"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/common/error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toaster";
import { updateChannel, type Channel } from "@/lib/client/channels";
import { useChannelsChanged } from "./use-channels-changed";

/** Archiving stops the channel's intake and sending and keeps everything it holds; Restore undoes it. */
export function ArchiveChannelDialog({ channel, open, onClose }: { channel: Channel; open: boolean; onClose: () => void }) {
  const t = useTranslations("settings.channels.archiveDialog");
  const { toast } = useToast();
  const changed = useChannelsChanged();
  const archive = useMutation({
    mutationFn: () => updateChannel(channel.key, { archived: true }),
    onSuccess: () => {
      changed();
      toast({ tone: "success", title: t("done", { name: channel.name }) });
      onClose();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={t("title", { name: channel.name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pending={archive.isPending}
      error={archive.error ? <ErrorMessage error={archive.error} lead={t("failed")} /> : null}
      onConfirm={() => archive.mutate()}
    >
      <p className="text-sm text-muted-foreground">{t("kept")}</p>
    </ConfirmDialog>
  );
}
