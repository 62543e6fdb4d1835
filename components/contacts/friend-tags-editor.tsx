"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { errorDescription } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toaster";
import { contactKeys, tagListQuery } from "@/lib/client/contacts";
import { sendJson } from "@/lib/client/api-client";
import { TagInput } from "./tag-input";

/** One friend's tags: remove with ×, add by typing (operators); a plain list for viewers. */
export function FriendTagsEditor({ userId, tags, editable }: { userId: string; tags: string[]; editable: boolean }) {
  const t = useTranslations("friend.tags");
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [adding, setAdding] = useState<string[] | null>(null);
  const known = useQuery({ ...tagListQuery(), enabled: adding !== null });
  const mutation = useMutation({
    mutationFn: (change: { add?: string[]; remove?: string[] }) => sendJson("POST", "/api/contacts/tags", { userIds: [userId], ...change }),
    onSuccess: () => {
      setAdding(null);
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      void queryClient.invalidateQueries({ queryKey: contactKeys.tags() });
    },
    onError: (err) => toast({ tone: "danger", title: t("failed"), description: errorDescription(err) }),
  });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1.5">
        {tags.length === 0 && adding === null && <span className="text-sm text-subtle-foreground">{t("none")}</span>}
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
                disabled={mutation.isPending}
                onClick={() => mutation.mutate({ remove: [tag] })}
                className="flex size-5 items-center justify-center rounded text-subtle-foreground hover:bg-hover hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <X aria-hidden className="size-3" />
              </button>
            )}
          </span>
        ))}
        {editable && adding === null && (
          <Button size="xs" variant="subtle" onClick={() => setAdding([])}>
            <Plus aria-hidden />
            {t("add")}
          </Button>
        )}
      </div>
      {adding !== null && (
        <form
          className="flex items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding.length) mutation.mutate({ add: adding });
          }}
        >
          <TagInput
            value={adding}
            onChange={setAdding}
            suggestions={(known.data?.items ?? []).map((x) => x.name).filter((x) => !tags.includes(x))}
            label={t("inputLabel")}
            placeholder={t("placeholder")}
            removeLabel={(tag) => t("remove", { tag })}
            autoFocus
            className="flex-1"
          />
          <Button type="submit" size="md" variant="primary" disabled={!adding.length || mutation.isPending}>
            {t("save")}
          </Button>
          <Button size="md" variant="ghost" onClick={() => setAdding(null)}>
            {t("cancel")}
          </Button>
        </form>
      )}
    </div>
  );
}
