"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { errorDescription } from "@/components/common/error-message";
import { firstError, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toaster";
import { contactKeys, tagListQuery } from "@/lib/client/contacts";
import { sendJson } from "@/lib/client/api-client";
import { tagChangeFormSchema, type TagFriendsBody } from "@/lib/contacts/tag-schema";
import { TagInput } from "./tag-input";

type Mode = "add" | "remove";

/** Add tags to, or remove tags from, the selected friends (one request for all of them). */
export function BulkTagDialog({
  mode,
  userIds,
  open,
  onOpenChange,
  onDone,
}: {
  mode: Mode;
  userIds: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone?: () => void;
}) {
  const t = useTranslations("contacts.bulk");
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t(mode === "add" ? "addTitle" : "removeTitle", { count: userIds.length })}>
      <DialogHeader>
        <div className="min-w-0">
          <DialogTitle>{t(mode === "add" ? "addTitle" : "removeTitle", { count: userIds.length })}</DialogTitle>
          <DialogDescription className="mt-1">{t(mode === "add" ? "addDescription" : "removeDescription")}</DialogDescription>
        </div>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      {/* Mounted while the dialog is open (Dialog renders its children then): each opening starts empty. */}
      <BulkTagForm
        mode={mode}
        userIds={userIds}
        onClose={() => onOpenChange(false)}
        onDone={() => {
          onOpenChange(false);
          onDone?.();
        }}
      />
    </Dialog>
  );
}

function BulkTagForm({ mode, userIds, onClose, onDone }: { mode: Mode; userIds: string[]; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("contacts.bulk");
  const errorText = useFieldErrorText();
  const format = useFormatter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const known = useQuery(tagListQuery());
  const form = useZodForm(tagChangeFormSchema(mode), { userIds, tags: [] });
  const mutation = useMutation({
    mutationFn: (body: TagFriendsBody) => sendJson<{ added: Record<string, number>; removed: Record<string, number> }>("POST", "/api/contacts/tags", body),
    onSuccess: (result, body) => {
      const tags = mode === "add" ? body.add : body.remove;
      const changed = Object.values(mode === "add" ? result.added : result.removed).reduce((a, b) => a + b, 0);
      toast({
        tone: "success",
        title: t(mode === "add" ? "addedTitle" : "removedTitle", { tags: format.list(tags, { type: "conjunction" }) }),
        description: t("changedCount", { count: changed }),
      });
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: contactKeys.tags() });
      onDone();
    },
    onError: (err) => toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });
  const submit = form.handleSubmit((body) => mutation.mutate(body));
  return (
    <form className="space-y-4 px-5 py-4" onSubmit={(e) => void submit(e)} noValidate>
      <FormField id="bulk-tags" label={t("tagsLabel")} hideLabel error={errorText(firstError(form.formState.errors.tags))}>
        {(control) => (
          <Controller
            control={form.control}
            name="tags"
            render={({ field }) => (
              <TagInput
                {...control}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                suggestions={(known.data?.items ?? []).map((x) => x.name)}
                placeholder={t("tagsPlaceholder")}
                removeLabel={(tag) => t("removeChip", { tag })}
                autoFocus
              />
            )}
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" variant={mode === "add" ? "primary" : "danger"} disabled={mutation.isPending}>
          {t(mode === "add" ? "addSubmit" : "removeSubmit", { count: userIds.length })}
        </Button>
      </div>
    </form>
  );
}
