"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ErrorAlert } from "@/components/common/error-message";
import { useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { sendJson } from "@/lib/client/api-client";
import { sendKeys, testRecipientsQuery } from "@/lib/client/messages";
import { testRecipientFormSchema } from "@/lib/sends/tools-schemas";

/** The saved test recipients, managed inline: who a test send goes to. */
export function TestRecipients() {
  const t = useTranslations("composer.test");
  const qc = useQueryClient();
  const list = useQuery(testRecipientsQuery());
  const errorText = useFieldErrorText();
  const form = useZodForm(testRecipientFormSchema, { userId: "", label: "" });
  const refresh = () => qc.invalidateQueries({ queryKey: sendKeys.testRecipients });
  const add = useMutation({
    mutationFn: (body: z.output<typeof testRecipientFormSchema>) => sendJson("POST", "/api/test-recipients", body),
    onSuccess: () => {
      form.reset();
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => sendJson("DELETE", `/api/test-recipients/${id}`), onSuccess: () => void refresh() });
  const items = list.data?.items ?? [];

  return (
    <div className="space-y-2">
      {list.isPending ? (
        <Skeleton className="h-8 w-full" />
      ) : items.length === 0 ? (
        <p className="text-xs text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {items.map((r) => (
            <li key={r.id} className="flex items-center gap-2 px-2.5 py-1.5">
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm">{r.label}</span>
                <span className="block truncate font-mono text-2xs text-muted-foreground">{r.userId}</span>
              </span>
              <Button size="icon-sm" variant="subtle" aria-label={t("remove", { label: r.label })} onClick={() => remove.mutate(r.id)}>
                <Trash2 aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="grid gap-2 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_auto]"
        onSubmit={(e) => void form.handleSubmit((body) => add.mutate(body))(e)}
        noValidate
      >
        <FormField id="test-recipient-user-id" label={t("userId")} hideLabel error={errorText(form.formState.errors.userId)} className="space-y-1">
          {(control) => <Input {...control} placeholder={t("userId")} className="font-mono text-xs" {...form.register("userId")} />}
        </FormField>
        <FormField id="test-recipient-label" label={t("name")} hideLabel error={errorText(form.formState.errors.label)} className="space-y-1">
          {(control) => <Input {...control} placeholder={t("name")} {...form.register("label")} />}
        </FormField>
        <Button type="submit" className="self-start" disabled={add.isPending}>
          <Plus aria-hidden />
          {t("add")}
        </Button>
      </form>
      {add.error && <ErrorAlert error={add.error} className="text-xs" />}
      {remove.error && <ErrorAlert error={remove.error} className="text-xs" />}
    </div>
  );
}
