"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Plus, SendHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { parseSendFilters, sendFiltersToSearch, sendListQuery, type SendFilters } from "@/lib/client/messages";
import { MessagesNav } from "./messages-nav";
import { SendFilterBar } from "./send-filter-bar";
import { SendHistorySkeleton, SendList } from "./send-list";

/** /messages: the history of every send, filtered by what is in the URL, refreshed while anything is sending. */
export function SendHistory({ canSend }: { canSend: boolean }) {
  const t = useTranslations("sends");
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseSendFilters(searchParams), [searchParams]);
  const setFilters = useCallback(
    (patch: Partial<SendFilters>) => {
      const search = sendFiltersToSearch({ ...parseSendFilters(new URLSearchParams(window.location.search)), ...patch });
      window.history.pushState(null, "", search.size ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );
  const clear = useCallback(() => window.history.pushState(null, "", pathname), [pathname]);
  const query = useInfiniteQuery(sendListQuery(filters));
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const authors = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of items) seen.set(s.author.id, s.author.label);
    if (filters.author && !seen.has(filters.author)) seen.set(filters.author, filters.author);
    return [...seen].map(([id, label]) => ({ id, label }));
  }, [items, filters.author]);
  const filtered = Boolean(filters.kind || filters.status || filters.author || filters.from || filters.to);

  return (
    <div className="flex h-full flex-col">
      <div className="space-y-4 px-4 pt-6 pb-4 md:px-6 lg:px-8">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={
            canSend && (
              <Link href="/messages/new" className={buttonVariants({ variant: "primary" })}>
                <Plus aria-hidden />
                {t("new")}
              </Link>
            )
          }
        />
        <MessagesNav />
      </div>
      <SendFilterBar filters={filters} setFilters={setFilters} clear={clear} authors={authors} />
      {query.isPending ? (
        <SendHistorySkeleton />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<SendHorizontal />}
          title={filtered ? t("empty.filteredTitle") : t("empty.title")}
          description={filtered ? t("empty.filteredDescription") : t("empty.description")}
          action={
            filtered ? (
              <button type="button" className={buttonVariants()} onClick={clear}>
                {t("filters.clear")}
              </button>
            ) : (
              canSend && (
                <Link href="/messages/new" className={buttonVariants({ variant: "primary" })}>
                  <Plus aria-hidden />
                  {t("new")}
                </Link>
              )
            )
          }
        />
      ) : (
        <SendList
          items={items}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={() => void query.fetchNextPage()}
        />
      )}
    </div>
  );
}
