"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { ErrorMessage } from "@/components/common/error-message";
import { firstError, setServerErrors, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { auditKeys } from "@/lib/client/audit";
import { createDestination, relayKeys, updateDestination, type RelayDestination } from "@/lib/client/relay";
import type { RelayDestinationInput, RelayDestinationPatch } from "@/lib/relay/schemas";
import { cn } from "@/lib/utils/cn";
import { DestinationFilterFields, filterStateOf } from "./destination-filter-fields";
import { destinationFormSchema } from "./destination-form-schema";

interface FormProps {
  /** The destination to edit; null adds one. */
  destination: RelayDestination | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Add or change a destination: where, how it is signed, which events, how long to wait. */
export function DestinationFormDialog({ destination, open, onOpenChange }: FormProps) {
  const t = useTranslations("relay.form");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={destination ? t("editTitle") : t("addTitle")} className="w-[min(40rem,calc(100vw-2rem))]">
      <DialogHeader>
        <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary-soft text-primary-soft-foreground">
          <Send className="size-4" />
        </span>
        <DialogTitle className="pt-1">{destination ? t("editTitle") : t("addTitle")}</DialogTitle>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <DestinationForm destination={destination} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function DestinationForm({ destination, onDone }: { destination: RelayDestination | null; onDone: () => void }) {
  const t = useTranslations("relay.form");
  const errorText = useFieldErrorText();
  const queryClient = useQueryClient();
  const form = useZodForm(destinationFormSchema(destination), {
    name: destination?.name ?? "",
    url: destination?.url ?? "",
    signing: destination?.signing ?? "line",
    secret: "",
    filters: filterStateOf(destination),
    unseenOnly: destination?.unseenOnly ?? false,
    timeoutMs: String((destination?.timeoutMs ?? 10_000) / 1000),
  });
  const { errors } = form.formState;
  const signing = form.watch("signing");
  const [failure, setFailure] = useState<unknown>(null);

  const save = useMutation({
    mutationFn: (body: RelayDestinationPatch) => (destination ? updateDestination(destination.id, body) : createDestination(body as RelayDestinationInput)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relayKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      onDone();
    },
  });
  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    await save.mutateAsync(body).catch((err: unknown) => {
      if (!setServerErrors(form, err, ["name", "url", "secret", "timeoutMs"])) setFailure(err);
    });
  });
  // Event types are not one input: their problem is the typed ones' (a ticked type is always valid).
  const eventTypesError = errorText(firstError((errors as Record<string, unknown>).eventTypes));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex max-h-[calc(100dvh-6rem)] flex-col">
      <DialogBody className="space-y-4 px-5 py-4">
        <FormField id="relay-name" label={t("name")} error={errorText(errors.name)} hint={t("nameHint")}>
          {(control) => <Input {...control} autoComplete="off" autoFocus maxLength={60} {...form.register("name")} />}
        </FormField>
        <FormField id="relay-url" label={t("url")} error={errorText(errors.url)} hint={t("urlHint")}>
          {(control) => (
            <Input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="https://"
              {...form.register("url")}
            />
          )}
        </FormField>
        <fieldset className="space-y-1.5">
          <legend className="mb-1.5 block text-sm font-medium text-foreground">{t("signing")}</legend>
          {(["line", "own"] as const).map((mode) => (
            <label
              key={mode}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                signing === mode ? "border-primary/60 bg-primary-soft/40" : "border-border hover:bg-hover",
              )}
            >
              <input type="radio" value={mode} {...form.register("signing")} className="mt-1 size-3.5 shrink-0 accent-[var(--color-primary)]" />
              <span className="min-w-0">
                <span className="block text-sm font-medium">{t(`signingMode.${mode}`)}</span>
                <span className="block text-xs text-muted-foreground">{t(`signingHint.${mode}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {signing === "own" && (
          <FormField
            id="relay-secret"
            label={t("secret")}
            error={errorText(errors.secret)}
            hint={destination?.secretSet ? t("secretSetHint") : t("secretHint")}
          >
            {(control) => (
              <Input
                {...control}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                className="font-mono"
                placeholder={destination?.secretSet ? t("secretSetPlaceholder") : undefined}
                {...form.register("secret")}
              />
            )}
          </FormField>
        )}
        <Controller
          control={form.control}
          name="filters"
          render={({ field }) => <DestinationFilterFields value={field.value} onChange={field.onChange} eventTypesError={eventTypesError} />}
        />
        <label className="flex cursor-pointer items-start gap-2.5">
          <Checkbox
            className="mt-0.5"
            checked={form.watch("unseenOnly")}
            onChange={(e) => form.setValue("unseenOnly", e.target.checked)}
            aria-describedby="relay-unseen-hint"
          />
          <span className="min-w-0">
            <span className="block text-sm font-medium">{t("unseenOnly")}</span>
            <span id="relay-unseen-hint" className="block text-xs text-muted-foreground">
              {t("unseenOnlyHint")}
            </span>
          </span>
        </label>
        <FormField id="relay-timeoutMs" label={t("timeout")} error={errorText(errors.timeoutMs)} hint={t("timeoutHint")}>
          {(control) => (
            <div className="flex items-center gap-2">
              <Input {...control} type="number" inputMode="decimal" min={1} max={30} step={1} className="w-24 tabular" {...form.register("timeoutMs")} />
              <span className="text-sm text-muted-foreground">{t("seconds")}</span>
            </div>
          )}
        </FormField>
        {failure ? (
          <FormError>
            <ErrorMessage error={failure} lead={t("failed")} />
          </FormError>
        ) : null}
      </DialogBody>
      <div className="flex justify-end gap-2 border-t border-border bg-muted/40 px-5 py-3">
        <Button onClick={onDone}>{t("cancel")}</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t("saving") : destination ? t("save") : t("add")}
        </Button>
      </div>
    </form>
  );
}
