"use client";

import { useMutation } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Dialog, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { channelPath } from "@/lib/client/channel-path";
import { deleteChannel, type Channel } from "@/lib/client/channels";
import { deleteChannelBodySchema } from "@/lib/channel/schemas";
import { useChannelsChanged } from "./use-channels-changed";

interface DeleteProps {
  channel: Channel;
  open: boolean;
  /** The channel to go on in when the deleted one is the page's own (its pages are gone with it). */
  leaveTo: string | null;
  onClose: () => void;
}

/**
 * Deleting a channel deletes all the console holds for it, so its name is typed back first. The server
 * compares it (lib/channel/manage.ts); its refusal shows under the field.
 */
export function DeleteChannelDialog({ channel, open, leaveTo, onClose }: DeleteProps) {
  const t = useTranslations("settings.channels.deleteDialog");
  const errorText = useFieldErrorText();
  const { toast } = useToast();
  const changed = useChannelsChanged();
  const form = useZodForm(deleteChannelBodySchema, { confirmName: "" });
  const [failure, setFailure] = useState<unknown>(null);
  const remove = useMutation({
    mutationFn: (confirmName: string) => deleteChannel(channel.key, confirmName),
    onSuccess: () => {
      if (leaveTo) {
        window.location.assign(channelPath(leaveTo, "/settings/channels"));
        return;
      }
      changed();
      toast({ tone: "success", title: t("done", { name: channel.name }) });
      onClose();
    },
  });
  const submit = form.handleSubmit(async ({ confirmName }) => {
    setFailure(null);
    await remove.mutateAsync(confirmName).catch((err: unknown) => {
      if (!setServerErrors(form, err, ["confirmName"])) setFailure(err);
    });
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !remove.isPending && onClose()} role="alertdialog" aria-label={t("title", { name: channel.name })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="space-y-3 px-5 pt-5 pb-4">
          <DialogTitle className="break-words">{t("title", { name: channel.name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
          <Callout tone="warning">
            <TriangleAlert aria-hidden />
            <p>{t("archiveInstead")}</p>
          </Callout>
          <FormField
            id="channel-confirm-name"
            label={t.rich("confirmLabel", { name: () => <strong className="font-semibold break-all">{channel.name}</strong> })}
            error={errorText(form.formState.errors.confirmName)}
          >
            {(control) => <Input {...control} autoComplete="off" spellCheck={false} autoFocus {...form.register("confirmName")} />}
          </FormField>
          {failure ? (
            <FormError>
              <ErrorMessage error={failure} lead={t("failed")} />
            </FormError>
          ) : null}
        </div>
        <div className="flex flex-wrap justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
          <Button onClick={onClose} disabled={remove.isPending}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={remove.isPending}>
            {remove.isPending ? t("deleting") : t("confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
