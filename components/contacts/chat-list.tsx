"use client";

import { useQuery } from "@tanstack/react-query";
import { DoorOpen, UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { usePathname, useSearchParams } from "next/navigation";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { chatListQuery } from "@/lib/client/contacts";
import { FriendAvatar } from "./friend-avatar";
import { SearchBox } from "@/components/common/search-box";

/** Groups and rooms the account is (or was) in, most recently active first. */
export function ChatList() {
  const t = useTranslations("chats");
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const q = searchParams.get("q") ?? "";
  const query = useQuery(chatListQuery(q));
  const chats = query.data?.items ?? [];

  return (
    <PageContainer className="space-y-5">
      <PageHeader title={t("title")} description={t("description")} />
      <SearchBox
        value={q}
        onSearch={(v) => window.history.replaceState(null, "", v ? `${pathname}?q=${encodeURIComponent(v)}` : pathname)}
        label={t("search")}
        placeholder={t("searchPlaceholder")}
        clearLabel={t("clearSearch")}
        className="max-w-80"
      />
      {query.isPending ? (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-24 rounded-lg" />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : chats.length === 0 ? (
        <Card>
          <EmptyState icon={<UsersRound />} title={t(q ? "emptyFiltered" : "emptyTitle")} description={q ? undefined : t("emptyDescription")} />
        </Card>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {chats.map((c) => (
            <li key={c.chatId}>
              <Link
                href={`/chats/${c.chatId}`}
                className="flex h-full items-start gap-3 rounded-lg border border-border bg-surface p-4 shadow-xs transition-colors hover:border-border-strong hover:bg-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <FriendAvatar id={c.chatId} name={c.name} pictureUrl={c.pictureUrl} kind={c.type} size="md" />
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex items-center gap-2">
                    <span className="truncate font-medium">{c.name ?? t(c.type === "group" ? "unnamedGroup" : "room")}</span>
                    {!c.joined && <Badge tone="outline">{t("left")}</Badge>}
                  </div>
                  <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
                    {c.type === "group" ? <UsersRound aria-hidden className="size-3.5" /> : <DoorOpen aria-hidden className="size-3.5" />}
                    {t(c.type === "group" ? "group" : "roomType")}
                    <span aria-hidden>·</span>
                    {c.memberCount !== null ? t("members", { count: c.memberCount }) : t("membersUnknown")}
                    <span aria-hidden>·</span>
                    {t("seen", { count: c.membersSeen })}
                  </p>
                  <p className="text-xs text-subtle-foreground">
                    {t("lastActive")} <RelativeTime value={c.lastActiveAt} />
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PageContainer>
  );
}
