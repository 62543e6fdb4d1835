"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { errorDescription } from "@/components/common/error-message";
import { firstError, useFieldErrorText, useZodForm } from "@/components/common/use-zod-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useToast } from "@/components/ui/toaster";
import { contactKeys, tagListQuery } from "@/lib/client/contacts";
import { sendJson } from "@/lib/client/api-client";
import { tagChangeFormSchema, type TagFriendsBody } from "@/lib/contacts/tag-schema";
import { TagInput } from "./tag-input";

/** One friend's tags: remove with ×, add by typing (operators); a plain list for viewers. */
export function FriendTagsEditor({ userId, tags, editable }: { userId: string; tags: string[]; editable: boolean }) {
  const t = useTranslations("friend.tags");
  const [adding, setAdding] = useState(false);
  // Closing the field (added, or cancelled) puts focus back on "Add tag", not on the page.
  const [closed, setClosed] = useState(false);
  const close = () => {
    setAdding(false);
    setClosed(true);
  };
  const change = useTagChange(() => adding && close());

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        {tags.length === 0 && !adding && <span className="text-sm text-subtle-foreground">{t("none")}</span>}
        {tags.map((tag) => (
          <span
            key={tag}
            className="inline-flex h-6 items-center gap-1 rounded-md border border-border bg-muted pl-2 text-xs font-medium"
            style={{ paddingRight: editable ? 2 : 8 }}
          >
            {tag}
            {editable && (
              <button
                type="button"
                aria-label={t("remove", { tag })}
                disabled={change.isPending}
                onClick={() => change.mutate({ userIds: [userId], add: [], remove: [tag] })}
                className="flex size-5 items-center justify-center rounded text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <X aria-hidden className="size-3" />
              </button>
            )}
          </span>
        ))}
        {editable && !adding && (
          <Button size="xs" variant="subtle" autoFocus={closed} onClick={() => setAdding(true)}>
            <Plus aria-hidden />
            {t("add")}
          </Button>
        )}
      </div>
      {adding && <AddTagsForm userId={userId} tags={tags} change={change} onCancel={close} />}
    </div>
  );
}

/** The field for new tags, mounted while adding: each opening starts empty. */
function AddTagsForm({ userId, tags, change, onCancel }: { userId: string; tags: string[]; change: ReturnType<typeof useTagChange>; onCancel: () => void }) {
  const t = useTranslations("friend.tags");
  const errorText = useFieldErrorText();
  const known = useQuery(tagListQuery());
  const form = useZodForm(tagChangeFormSchema("add"), { userIds: [userId], tags: [] });
  const submit = form.handleSubmit((body) => change.mutate(body));
  return (
    <form className="flex items-start gap-2" onSubmit={(e) => void submit(e)} noValidate>
      <FormField
        id={`friend-tags-${userId}`}
        label={t("inputLabel")}
        hideLabel
        error={errorText(firstError(form.formState.errors.tags))}
        className="flex-1 space-y-1.5"
      >
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
                suggestions={(known.data?.items ?? []).map((x) => x.name).filter((x) => !tags.includes(x))}
                placeholder={t("placeholder")}
                removeLabel={(tag) => t("remove", { tag })}
                autoFocus
              />
            )}
          />
        )}
      </FormField>
      <Button type="submit" size="md" variant="primary" disabled={change.isPending}>
        {t("save")}
      </Button>
      <Button size="md" variant="ghost" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </form>
  );
}

/** One request changes a friend's tags (adding from the form, removing with a chip's ×). */
function useTagChange(onSuccess: () => void) {
  const t = useTranslations("friend.tags");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  return useMutation({
    mutationFn: (body: TagFriendsBody) => sendJson("POST", "/api/contacts/tags", body),
    onSuccess: () => {
      onSuccess();
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: contactKeys.tags() });
    },
    onError: (err) => toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });
}
