"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/common/error-message";
import { errorsFromApi, errorsFromZod, translateFieldError, type FieldErrors } from "@/components/auth/field-errors";
import { FormError, FormField } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { API_KEY_ROLES, type ApiKeyRole } from "@/lib/auth/roles";
import { createApiKeyBodySchema } from "@/lib/auth/schemas";
import { sendJson } from "@/lib/client/api-client";
import { apiKeyKeys, type CreatedApiKey } from "@/lib/client/api-keys";
import { auditKeys } from "@/lib/client/audit";
import { RolePicker } from "./role-picker";
import { ShownOnceSecret } from "./shown-once-secret";

/** Name and role, then the key — in this dialog only (the server keeps its hash). */
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
  const tf = useTranslations("fieldErrors");
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [role, setRole] = useState<ApiKeyRole>("viewer");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: { name: string; role: ApiKeyRole }) => sendJson<CreatedApiKey>("POST", "/api/api-keys", body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (err) => setErrors(errorsFromApi(err)),
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

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = createApiKeyBodySchema.safeParse({ name, role });
    if (!parsed.success) return setErrors(errorsFromZod(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  };
  const failed = create.isError && Object.keys(errors).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <div className="space-y-4 px-5 py-4">
        <FormField id="key-name" label={t("name")} error={translateFieldError(errors.name, tf)} hint={t("nameHint")}>
          <Input
            id="key-name"
            autoComplete="off"
            autoFocus
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "key-name-error" : "key-name-hint"}
          />
        </FormField>
        <RolePicker name="key-role" label={t("role")} roles={API_KEY_ROLES} value={role} onChange={setRole} />
        {failed && (
          <FormError>
            <ErrorMessage error={create.error} lead={t("failed")} />
          </FormError>
        )}
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
