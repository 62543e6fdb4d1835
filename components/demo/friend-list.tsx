"use client";

import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { ErrorState } from "@/components/common/error-state";
import { InputWithIcon } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { demoFriendsQuery, type DemoFriend } from "@/lib/client/demo";
import { cn } from "@/lib/utils/cn";
import { FriendAvatar } from "./friend-avatar";

const STATUSES = ["following", "blocked", "none"] as const;

export function FriendList({ selected, onSelect }: { selected: string | null; onSelect: (f: DemoFriend) => void }) {
  const t = useTranslations("demo");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("following");
  const query = useQuery(demoFriendsQuery(useDeferredValue(q.trim()), status));
  return (
    <section aria-label={t("friendsLabel")} className="flex min-h-0 flex-col rounded-lg border border-border bg-surface shadow-xs">
      <div className="space-y-2 border-b border-border p-3">
        <InputWithIcon icon={<Search />} value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchFriends")} aria-label={t("searchFriends")} />
        <ToggleGroup
          size="sm"
          label={t("statusFilter")}
          value={status}
          onValueChange={setStatus}
          items={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      <div className="max-h-[36rem] min-h-[12rem] overflow-y-auto scrollbar-thin">
        {query.isPending ? (
          <div className="space-y-2 p-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.users.length === 0 ? (
          <p className="p-6 text-center text-sm text-muted-foreground">{t("noFriends")}</p>
        ) : (
          <ul>
            {query.data.users.map((f) => (
              <li key={f.userId}>
                <button
                  onClick={() => onSelect(f)}
                  aria-current={selected === f.userId}
                  className={cn("flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-hover", selected === f.userId && "bg-primary-soft/60")}
                >
                  <FriendAvatar friend={f} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-foreground">{f.displayName}</span>
                    <span className="block truncate text-xs text-muted-foreground">
                      {[f.areaLocalName, f.age !== null ? t("age", { age: f.age }) : null].filter(Boolean).join(" · ") || f.userId.slice(0, 9)}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {query.data && (
        <p className="border-t border-border px-3 py-2 text-2xs text-subtle-foreground">
          {t("friendsShown", { shown: query.data.users.length, total: query.data.total })}
        </p>
      )}
    </section>
  );
}
