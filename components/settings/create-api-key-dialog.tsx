"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { useChannels, useCurrentChannel } from "@/components/layout/channel-context";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { API_KEY_ROLES } from "@/lib/auth/roles";
import { createApiKeyBodySchema } from "@/lib/auth/schemas";
import { sendJson } from "@/lib/client/api-client";
import { apiKeyKeys, type CreatedApiKey } from "@/lib/client/api-keys";
import { auditKeys } from "@/lib/client/audit";
import { ChannelChecklist } from "./channel-checklist";
import { RolePicker } from "./role-picker";
import { ShownOnceSecret } from "./shown-once-secret";

/** Name, role and channels, then the key — in this dialog only (the server keeps its hash). */
export function CreateApiKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("settings.apiKeys.createDialog");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t("title")}>
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <KeyRound className="size-4" />
        </span>
        <DialogTitle className="pt-1">{t("title")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <CreateSteps onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function CreateSteps({ onDone }: { onDone: () => void }) {
  const t = useTranslations("settings.apiKeys.createDialog");
  const errorText = useFieldErrorText();
  const queryClient = useQueryClient();
  const current = useCurrentChannel();
  // A console admin sees every channel; the key starts with the one the page is on.
  const channels = useChannels();
  const form = useZodForm(createApiKeyBodySchema, { name: "", role: "viewer", channels: current ? [current.key] : undefined });
  const role = form.watch("role");
  const create = useMutation({
    mutationFn: (body: z.output<typeof createApiKeyBodySchema>) => sendJson<CreatedApiKey>("POST", "/api/api-keys", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
  // Field problems show at their field; anything else (the network, a server error) under the form.
  const [formError, setFormError] = useState<unknown>(null);
  const submit = form.handleSubmit(async (body) => {
    setFormError(null);
    await create.mutateAsync(body).catch((err: unknown) => {
      if (!setServerErrors(form, err, ["name", "role", "channels"])) setFormError(err);
    });
  });

  if (create.data) {
    return (
      <div className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">{t("ready", { name: create.data.name })}</p>
        <ShownOnceSecret value={create.data.key} label={t("keyLabel")} warning={t("shownOnce")} testId="api-key-secret" />
        <div className="flex justify-end">
          <Button variant="primary" onClick={onDone}>
            {t("done")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="space-y-4 px-5 py-4">
        <FormField id="key-name" label={t("name")} error={errorText(form.formState.errors.name)} hint={t("nameHint")}>
          {(control) => <Input {...control} autoComplete="off" autoFocus maxLength={80} {...form.register("name")} />}
        </FormField>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <RolePicker name="key-role" label={t("role")} roles={API_KEY_ROLES} value={field.value} onChange={field.onChange} />}
        />
        {/* A metrics key reads the console's metrics, which belong to no channel: the list goes, and with it
            (shouldUnregister) whatever was ticked, so the key is the page's channel's as the API decides. */}
        {role !== "metrics" && channels.length > 0 && (
          <Controller
            control={form.control}
            name="channels"
            shouldUnregister
            render={({ field, fieldState }) => (
              <ChannelChecklist
                id="key-channels"
                label={t("channels")}
                hint={t("channelsHint")}
                channels={channels}
                value={field.value ?? []}
                onChange={field.onChange}
                inputRef={field.ref}
                // Nothing ticked is the form's own refusal; the server's (a channel gone meanwhile) has its words.
                error={fieldState.error ? (fieldState.error.type === "server" ? errorText(fieldState.error) : t("channelsRequired")) : undefined}
              />
            )}
          />
        )}
        {formError ? (
          <FormError>
            <ErrorMessage error={formError} lead={t("failed")} />
          </FormError>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onDone}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
