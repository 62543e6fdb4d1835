"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { sendJson } from "@/lib/client/api-client";
import { sendKeys, testRecipientsQuery } from "@/lib/client/messages";

/** The saved test recipients, managed inline: who a test send goes to. */
export function TestRecipients() {
  const t = useTranslations("composer.test");
  const qc = useQueryClient();
  const list = useQuery(testRecipientsQuery());
  const [userId, setUserId] = useState("");
  const [label, setLabel] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: sendKeys.testRecipients });
  const add = useMutation({
    mutationFn: () => sendJson("POST", "/api/test-recipients", { userId: userId.trim(), label: label.trim() || userId.trim().slice(0, 9) }),
    onSuccess: () => {
      setUserId("");
      setLabel("");
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
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Input value={userId} onChange={(e) => setUserId(e.target.value)} placeholder={t("userId")} aria-label={t("userId")} className="font-mono text-xs" />
        <Input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t("name")} aria-label={t("name")} />
        <Button type="submit" disabled={!userId.trim() || add.isPending}>
          <Plus aria-hidden />
          {t("add")}
        </Button>
      </form>
      {add.error && <ErrorAlert error={add.error} className="text-xs" />}
      {remove.error && <ErrorAlert error={remove.error} className="text-xs" />}
    </div>
  );
}
