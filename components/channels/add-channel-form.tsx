"use client";

import { useMutation } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PasswordInput } from "@/components/auth/password-input";
import { ErrorMessage } from "@/components/common/error-message";
import { setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DialogBody } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { Jsonified } from "@/lib/client/api-client";
import { addChannel } from "@/lib/client/channels";
import type { ChannelItem } from "@/lib/channel/manage";
import { addChannelBodySchema } from "@/lib/channel/schemas";
import { useChannelsChanged } from "./use-channels-changed";

// The fields LINE's refusals name (lib/channel/manage.ts), and ours.
const FIELDS = ["lineChannelId", "secret", "accessToken", "name", "key"] as const;

// An optional field left empty is not sent (the schema's own minimums are for what is typed).
const emptyAsUnset = { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) };

/**
 * The channel ID and secret from LINE Developers Console, an optional long-lived token, and how the
 * console should call the channel. Each field is checked as it is left (and then as it changes) with the
 * route's schema; LINE's own checks come back on the field they concern.
 */
export function AddChannelForm({ onAdded, onCancel }: { onAdded: (channel: Jsonified<ChannelItem>) => void; onCancel: () => void }) {
  const t = useTranslations("settings.channels.addDialog");
  const errorText = useFieldErrorText();
  const changed = useChannelsChanged();
  const form = useZodForm(addChannelBodySchema, { lineChannelId: "", secret: "", accessToken: "" }, { mode: "onTouched" });
  const { errors } = form.formState;
  const [failure, setFailure] = useState<unknown>(null);
  const add = useMutation({ mutationFn: addChannel, onSuccess: changed });
  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    await add.mutateAsync(body).then(onAdded, (err: unknown) => {
      if (!setServerErrors(form, err, FIELDS)) setFailure(err);
    });
  });
  // "(optional)" after a label, in the language's own punctuation (the catalogue places it).
  const optional = (chunks: React.ReactNode) => <span className="font-normal text-muted-foreground">{chunks}</span>;
  const link = (chunks: React.ReactNode) => (
    <a
      href="https://developers.line.biz/console/"
      target="_blank"
      rel="noreferrer"
      className="font-medium text-primary-soft-foreground underline underline-offset-2"
    >
      {chunks}
    </a>
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex max-h-[calc(100dvh-6rem)] flex-col">
      <DialogBody className="space-y-4 px-5 py-4">
        <p className="text-sm text-muted-foreground">{t.rich("intro", { link })}</p>
        <FormField id="channel-line-id" label={t("lineChannelId")} error={errorText(errors.lineChannelId)} hint={t("lineChannelIdHint")}>
          {(control) => (
            <Input
              {...control}
              autoFocus
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="2001234567"
              {...form.register("lineChannelId")}
            />
          )}
        </FormField>
        <FormField id="channel-secret" label={t("secret")} error={errorText(errors.secret)} hint={t("secretHint")}>
          {(control) => (
            <PasswordInput
              {...control}
              autoComplete="off"
              className="[&_input]:font-mono"
              revealLabels={{ show: t("showSecret"), hide: t("hideSecret") }}
              {...form.register("secret")}
            />
          )}
        </FormField>
        <FormField
          id="channel-token"
          label={t.rich("accessToken", { optional })}
          error={errorText(errors.accessToken)}
          hint={
            <Callout tone="info" className="mt-1 text-xs">
              <Info aria-hidden />
              <p>{t("tokenExplainer")}</p>
            </Callout>
          }
        >
          {(control) => (
            <PasswordInput
              {...control}
              autoComplete="off"
              className="[&_input]:font-mono"
              revealLabels={{ show: t("showToken"), hide: t("hideToken") }}
              {...form.register("accessToken")}
            />
          )}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="channel-name" label={t.rich("name", { optional })} error={errorText(errors.name)} hint={t("nameHint")}>
            {(control) => <Input {...control} autoComplete="off" maxLength={80} {...form.register("name", emptyAsUnset)} />}
          </FormField>
          <FormField
            id="channel-key"
            label={t.rich("key", { optional })}
            error={errorText(errors.key)}
            hint={t.rich("keyHint", { code: (chunks) => <code className="font-mono text-foreground">{chunks}</code> })}
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                maxLength={40}
                className="font-mono"
                {...form.register("key", emptyAsUnset)}
              />
            )}
          </FormField>
        </div>
        {failure ? (
          <FormError>
            <ErrorMessage error={failure} lead={t("failed")} />
          </FormError>
        ) : null}
      </DialogBody>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onCancel}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? t("adding") : t("add")}
        </Button>
      </div>
    </form>
  );
}
