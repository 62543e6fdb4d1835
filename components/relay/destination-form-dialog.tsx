"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogBody, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { auditKeys } from "@/lib/client/audit";
import { createDestination, relayKeys, updateDestination, type RelayDestination } from "@/lib/client/relay";
import { relayDestinationPatchSchema, relayDestinationSchema } from "@/lib/relay/schemas";
import { cn } from "@/lib/utils/cn";
import { DestinationFilterFields, eventTypesOf, filterStateOf, type FilterState } from "./destination-filter-fields";
import { issuesFromApi, issuesFromZod, useIssueText, type FormIssues } from "./form-issues";

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
  const issueText = useIssueText();
  const queryClient = useQueryClient();
  const [name, setName] = useState(destination?.name ?? "");
  const [url, setUrl] = useState(destination?.url ?? "");
  const [signing, setSigning] = useState<"line" | "own">(destination?.signing ?? "line");
  const [secret, setSecret] = useState("");
  const [filters, setFilters] = useState<FilterState>(() => filterStateOf(destination));
  const [unseenOnly, setUnseenOnly] = useState(destination?.unseenOnly ?? false);
  const [timeout, setTimeoutSeconds] = useState(String((destination?.timeoutMs ?? 10_000) / 1000));
  const [issues, setIssues] = useState<FormIssues>({});

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      destination ? updateDestination(destination.id, relayDestinationPatchSchema.parse(body)) : createDestination(relayDestinationSchema.parse(body)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relayKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      onDone();
    },
    onError: (err) => setIssues(issuesFromApi(err)),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const seconds = Number(timeout.replace(",", "."));
    const body: Record<string, unknown> = {
      name,
      url,
      signing,
      eventTypes: eventTypesOf(filters),
      sourceTypes: filters.sourceTypes.length ? filters.sourceTypes : null,
      modes: filters.modes.length ? filters.modes : null,
      unseenOnly,
      timeoutMs: Number.isFinite(seconds) && timeout.trim() ? Math.round(seconds * 1000) : Number.NaN,
    };
    // Left empty, a stored secret stays; the create schema asks for one when re-signing.
    if (signing === "own" && secret.trim()) body.secret = secret;
    const parsed = (destination ? relayDestinationPatchSchema : relayDestinationSchema).safeParse(body);
    const found = parsed.success ? {} : issuesFromZod(parsed.error);
    if (destination && signing === "own" && !secret.trim() && !destination.secretSet) found.secret ??= { key: "validation.required", message: "is required" };
    setIssues(found);
    if (Object.keys(found).length === 0) save.mutate(body);
  };
  const failed = save.isError && Object.keys(issues).length === 0;

  return (
    <form onSubmit={submit} noValidate className="flex max-h-[calc(100dvh-6rem)] flex-col">
      <DialogBody className="space-y-4 px-5 py-4">
        <FormField id="relay-name" label={t("name")} error={issueText(issues.name)} hint={t("nameHint")}>
          {(control) => <Input {...control} autoComplete="off" autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <FormField id="relay-url" label={t("url")} error={issueText(issues.url)} hint={t("urlHint")}>
          {(control) => (
            <Input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
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
              <input
                type="radio"
                name="relay-signing"
                value={mode}
                checked={signing === mode}
                onChange={() => setSigning(mode)}
                className="mt-1 size-3.5 shrink-0 accent-[var(--color-primary)]"
              />
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
            error={issueText(issues.secret)}
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
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </FormField>
        )}
        <DestinationFilterFields value={filters} onChange={setFilters} eventTypesError={issueText(issues.eventTypes)} />
        <label className="flex cursor-pointer items-start gap-2.5">
          <Checkbox className="mt-0.5" checked={unseenOnly} onChange={(e) => setUnseenOnly(e.target.checked)} aria-describedby="relay-unseen-hint" />
          <span className="min-w-0">
            <span className="block text-sm font-medium">{t("unseenOnly")}</span>
            <span id="relay-unseen-hint" className="block text-xs text-muted-foreground">
              {t("unseenOnlyHint")}
            </span>
          </span>
        </label>
        <FormField id="relay-timeoutMs" label={t("timeout")} error={issueText(issues.timeoutMs)} hint={t("timeoutHint")}>
          {(control) => (
            <div className="flex items-center gap-2">
              <Input
                {...control}
                type="number"
                inputMode="decimal"
                min={1}
                max={30}
                step={1}
                className="w-24 tabular"
                value={timeout}
                onChange={(e) => setTimeoutSeconds(e.target.value)}
              />
              <span className="text-sm text-muted-foreground">{t("seconds")}</span>
            </div>
          )}
        </FormField>
        {failed && (
          <FormError>
            <ErrorMessage error={save.error} lead={t("failed")} />
          </FormError>
        )}
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
