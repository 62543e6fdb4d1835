"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { errorDescription } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toaster";
import { contactKeys, tagListQuery } from "@/lib/client/contacts";
import { sendJson } from "@/lib/client/api-client";
import { TagInput } from "./tag-input";

/** Add tags to, or remove tags from, the selected friends (one request for all of them). */
export function BulkTagDialog({
  mode,
  userIds,
  open,
  onOpenChange,
  onDone,
}: {
  mode: "add" | "remove";
  userIds: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone?: () => void;
}) {
  const t = useTranslations("contacts.bulk");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [tags, setTags] = useState<string[]>([]);
  const known = useQuery({ ...tagListQuery(), enabled: open });
  const mutation = useMutation({
    mutationFn: () =>
      sendJson<{ added: Record<string, number>; removed: Record<string, number> }>("POST", "/api/contacts/tags", {
        userIds,
        add: mode === "add" ? tags : [],
        remove: mode === "remove" ? tags : [],
      }),
    onSuccess: (result) => {
      const changed = Object.values(mode === "add" ? result.added : result.removed).reduce((a, b) => a + b, 0);
      toast({
        tone: "success",
        title: t(mode === "add" ? "addedTitle" : "removedTitle", { tags: format.list(tags, { type: "conjunction" }) }),
        description: t("changedCount", { count: changed }),
      });
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: contactKeys.tags() });
      setTags([]);
      onOpenChange(false);
      onDone?.();
    },
    onError: (err) => toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} aria-label={t(mode === "add" ? "addTitle" : "removeTitle", { count: userIds.length })}>
      <DialogHeader>
        <div className="min-w-0">
          <DialogTitle>{t(mode === "add" ? "addTitle" : "removeTitle", { count: userIds.length })}</DialogTitle>
          <DialogDescription className="mt-1">{t(mode === "add" ? "addDescription" : "removeDescription")}</DialogDescription>
        </div>
        <DialogClose label={t("close")} onClick={() => onOpenChange(false)} />
      </DialogHeader>
      <form
        className="space-y-4 px-5 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (tags.length) mutation.mutate();
        }}
      >
        <TagInput
          value={tags}
          onChange={setTags}
          suggestions={(known.data?.items ?? []).map((x) => x.name)}
          label={t("tagsLabel")}
          placeholder={t("tagsPlaceholder")}
          removeLabel={(tag) => t("removeChip", { tag })}
          autoFocus
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" variant={mode === "add" ? "primary" : "danger"} disabled={tags.length === 0 || mutation.isPending}>
            {t(mode === "add" ? "addSubmit" : "removeSubmit", { count: userIds.length })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
