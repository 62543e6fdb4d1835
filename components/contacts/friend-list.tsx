"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { BookmarkPlus, Download, Tag, TagsIcon, UsersRound, X } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { countFriendFilters, friendFiltersToApi } from "@/lib/contacts/friend-url-filters";
import { friendListQuery } from "@/lib/client/contacts";
import { withSearch } from "@/lib/client/api-client";
import { FollowersSyncStatus } from "./followers-sync-status";
import { FriendFilterBar } from "./friend-filter-bar";
import { FriendTable } from "./friend-table";
import { useFriendFilters } from "./use-friend-filters";

// The tag and segment dialogs (their forms, schemas and zod) load when one is first opened.
const BulkTagDialog = dynamic(() => import("./bulk-tag-dialog").then((m) => m.BulkTagDialog), { ssr: false });
const SaveSegmentDialog = dynamic(() => import("./save-segment-dialog").then((m) => m.SaveSegmentDialog), { ssr: false });

/** The friend list: filters in the URL, keyset pages, selection for bulk tagging, export, save as segment. */
export function FriendList({ role }: { role: "viewer" | "operator" | "admin" }) {
  const t = useTranslations("contacts");
  const { filters, setFilters, clearFilters } = useFriendFilters();
  const query = useInfiniteQuery(friendListQuery(filters));
  const friends = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<"add" | "remove" | "segment" | null>(null);
  const [dialogsUsed, setDialogsUsed] = useState(false);
  if (dialog && !dialogsUsed) setDialogsUsed(true);
  const canEdit = role !== "viewer";
  // After tagging, the selection (and its bar, where focus was) is gone: focus goes back to the rows'
  // "select all" box, where the next selection starts, instead of being lost to the page.
  const rowsRef = useRef<HTMLDivElement>(null);
  const refocusRows = useRef(false);
  useEffect(() => {
    if (dialog !== null || !refocusRows.current) return;
    refocusRows.current = false;
    rowsRef.current?.querySelector<HTMLInputElement>('thead input[type="checkbox"]')?.focus();
  }, [dialog]);
  const filtered = countFriendFilters(filters) > 0;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <PageContainer className="space-y-5 pb-24">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {canEdit && (
              <Button variant="secondary" size="sm" onClick={() => setDialog("segment")}>
                <BookmarkPlus aria-hidden />
                {t("saveAsSegment")}
              </Button>
            )}
            {canEdit && (
              <a
                href={withSearch("/api/contacts/export", friendFiltersToApi(filters))}
                className={buttonVariants({ variant: "secondary", size: "sm" })}
                download
              >
                <Download aria-hidden />
                {t("exportCsv")}
              </a>
            )}
          </>
        }
      />
      <FollowersSyncStatus canSync={role === "admin"} />
      <FriendFilterBar filters={filters} setFilters={setFilters} clearFilters={clearFilters} />
      {/* The selection's actions come first in the tab order, just before the rows (a few Shift+Tabs from a
          checked row), and show after them, held at the bottom of the view: at the end of the page they were
          behind two Tab stops per row. */}
      <div ref={rowsRef} className="flex flex-col gap-5">
        {selected.size > 0 && (
          <div
            role="region"
            aria-label={t("selection.label")}
            className="sticky bottom-4 z-20 order-last mx-auto flex w-fit max-w-full flex-wrap items-center gap-2 rounded-xl border border-border bg-surface-raised px-3 py-2 shadow-lg"
          >
            <span className="px-1 text-sm font-medium tabular">{t("selection.count", { count: selected.size })}</span>
            <Button size="sm" variant="primary" onClick={() => setDialog("add")}>
              <Tag aria-hidden />
              {t("selection.addTag")}
            </Button>
            <Button size="sm" onClick={() => setDialog("remove")}>
              <TagsIcon aria-hidden />
              {t("selection.removeTag")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              <X aria-hidden />
              {t("selection.clear")}
            </Button>
          </div>
        )}
        <Card className="overflow-hidden">
          {query.isPending ? (
            <FriendTableSkeleton />
          ) : query.isError && friends.length === 0 ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : friends.length === 0 ? (
            <EmptyState
              icon={<UsersRound />}
              title={t(filtered ? "empty.filteredTitle" : "empty.title")}
              description={t(filtered ? "empty.filteredDescription" : "empty.description")}
              action={filtered ? <Button onClick={clearFilters}>{t("filters.clear")}</Button> : undefined}
            />
          ) : (
            <FriendTable
              friends={friends}
              selected={selected}
              selectable={canEdit}
              onToggle={toggle}
              onToggleAll={(all) =>
                setSelected(
                  all ? new Set([...selected, ...friends.map((f) => f.userId)]) : new Set([...selected].filter((id) => !friends.some((f) => f.userId === id))),
                )
              }
            />
          )}
        </Card>
        {friends.length > 0 && (
          <div className="flex justify-center">
            {query.hasNextPage ? (
              <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                {query.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </Button>
            ) : (
              <p className="text-xs text-subtle-foreground">{t("end", { count: friends.length })}</p>
            )}
          </div>
        )}
      </div>
      {dialogsUsed && (
        <BulkTagDialog
          mode={dialog === "remove" ? "remove" : "add"}
          userIds={[...selected]}
          open={dialog === "add" || dialog === "remove"}
          onOpenChange={(o) => !o && setDialog(null)}
          onDone={() => {
            refocusRows.current = true;
            setSelected(new Set());
          }}
        />
      )}
      {dialogsUsed && <SaveSegmentDialog filters={filters} open={dialog === "segment"} onOpenChange={(o) => !o && setDialog(null)} />}
    </PageContainer>
  );
}

export function FriendTableSkeleton() {
  return (
    <div aria-hidden>
      <div className="h-9 border-b border-border bg-muted/40" />
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-border px-4 py-3">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-1.5">
            <Skeleton className="h-3.5" style={{ width: `${18 + ((i * 13) % 20)}%` }} />
            <Skeleton className="h-3 w-1/4" />
          </div>
          <Skeleton className="h-5 w-16" />
          <Skeleton className="hidden h-3 w-20 md:block" />
        </div>
      ))}
    </div>
  );
}
