"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import { updateChannel, type Channel } from "@/lib/client/channels";
import { updateChannelBodySchema } from "@/lib/channel/schemas";
import { useChannelsChanged } from "./use-channels-changed";

/** The channel's name in the console (its name in LINE stays as it is). */
export function RenameChannelDialog({ channel, open, onClose }: { channel: Channel; open: boolean; onClose: () => void }) {
  const t = useTranslations("settings.channels.renameDialog");
  const errorText = useFieldErrorText();
  const { toast } = useToast();
  const changed = useChannelsChanged();
  const form = useZodForm(updateChannelBodySchema, { name: channel.name });
  const [failure, setFailure] = useState<unknown>(null);
  const rename = useMutation({
    mutationFn: (name: string) => updateChannel(channel.key, { name }),
    onSuccess: (renamed) => {
      changed();
      toast({ tone: "success", title: t("done", { name: renamed.name }) });
      onClose();
    },
  });
  const submit = form.handleSubmit(async ({ name }) => {
    setFailure(null);
    await rename.mutateAsync(name ?? channel.name).catch((err: unknown) => {
      if (!setServerErrors(form, err, ["name"])) setFailure(err);
    });
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !rename.isPending && onClose()} aria-label={t("title")}>
      <DialogHeader>
        <DialogTitle>{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={onClose} />
      </DialogHeader>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="space-y-4 px-5 py-4">
          <FormField id="channel-rename" label={t("name")} error={errorText(form.formState.errors.name)} hint={t("hint")}>
            {(control) => (
              <Input {...control} autoComplete="off" autoFocus maxLength={80} onFocus={(e) => e.currentTarget.select()} {...form.register("name")} />
            )}
          </FormField>
          {failure ? (
            <FormError>
              <ErrorMessage error={failure} lead={t("failed")} />
            </FormError>
          ) : null}
        </div>
        <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={rename.isPending}>
            {rename.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
