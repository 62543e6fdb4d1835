"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CloudDownload, Layers, PanelBottom, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "@/components/auth/member-context";
import { ConsoleLink as Link, useConsoleRouter } from "@/components/common/console-link";
import { ErrorMessage } from "@/components/common/error-message";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { useToast } from "@/components/ui/toaster";
import { importRichMenus, richMenuKeys, richMenuListQuery, type RichMenu } from "@/lib/client/rich-menus";
import { RichMenuRow } from "./rich-menu-row";

/** /rich-menus: every menu (tabbed menus grouped), the channel's count against LINE's 1,000, and what to start. */
export function RichMenuList() {
  const t = useTranslations("richMenus.list");
  const canEdit = useCan("operator");
  const query = useQuery(richMenuListQuery());
  const queryClient = useQueryClient();
  const router = useConsoleRouter();
  const { toast } = useToast();
  const [tabsOpen, setTabsOpen] = useState(false);
  const [tabCount, setTabCount] = useState<"2" | "3" | "4">("2");
  const importing = useMutation({
    mutationFn: importRichMenus,
    onSuccess: ({ imported }) => {
      void queryClient.invalidateQueries({ queryKey: richMenuKeys.all });
      toast({ tone: "success", title: t("importedToast", { count: imported }) });
    },
    onError: (error) => toast({ tone: "danger", title: t("importFailed"), description: <ErrorMessage error={error} /> }),
  });

  const data = query.data;
  const full = !!data && data.count >= data.limit;
  const groups = data ? groupMenus(data.richMenus, data.tabbedMenus) : [];

  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit && (
            <>
              <Button size="sm" variant="subtle" onClick={() => importing.mutate()} disabled={importing.isPending} data-testid="import-menus">
                <CloudDownload aria-hidden />
                {t("import")}
              </Button>
              <Button size="sm" onClick={() => setTabsOpen(true)} disabled={full} data-testid="new-tabbed-menu">
                <Layers aria-hidden />
                {t("newTabbed")}
              </Button>
              <Link
                href="/rich-menus/new"
                className={buttonVariants({ variant: "primary", size: "sm" })}
                aria-disabled={full || undefined}
                data-testid="new-rich-menu"
              >
                <Plus aria-hidden />
                {t("new")}
              </Link>
            </>
          )
        }
      />
      {data && (
        <p className="text-xs text-muted-foreground" data-testid="menu-count">
          {t("count", { count: data.count, limit: data.limit })}
          {full && <span className="ml-2 font-medium text-danger">{t("full")}</span>}
        </p>
      )}
      {data?.lineError && (
        <Callout tone="warning" role="status" data-testid="line-default-unknown">
          <div>
            {t("defaultUnknown")} <span lang="en">{data.lineError}</span>
          </div>
        </Callout>
      )}
      {query.isPending ? (
        <div className="space-y-2" aria-busy>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-20 w-full" />
          ))}
        </div>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : groups.length === 0 ? (
        <EmptyState
          icon={<PanelBottom />}
          title={t("empty.title")}
          description={
            <div className="space-y-2">
              <p>{t("empty.description")}</p>
              <p>{t("empty.steps")}</p>
            </div>
          }
          action={
            canEdit && (
              <Link href="/rich-menus/new" className={buttonVariants({ variant: "primary", size: "sm" })}>
                <Plus aria-hidden />
                {t("new")}
              </Link>
            )
          }
        />
      ) : (
        <div className="space-y-4">
          {groups.map((g) =>
            g.tabbed ? (
              <section
                key={g.tabbed.id}
                aria-label={t("tabbedGroup", { name: g.tabbed.name })}
                className="rounded-lg border border-border bg-surface"
                data-testid="tabbed-group"
              >
                <h2 className="flex items-center gap-2 border-b border-border px-4 py-2 text-sm font-semibold">
                  <Layers aria-hidden className="size-4 text-muted-foreground" />
                  {t("tabbedGroup", { name: g.tabbed.name })}
                </h2>
                <ul>
                  {g.menus.map((m) => (
                    <RichMenuRow key={m.id} menu={m} canEdit={canEdit} />
                  ))}
                </ul>
              </section>
            ) : (
              <ul key={g.menus[0]!.id} className="rounded-lg border border-border bg-surface">
                <RichMenuRow menu={g.menus[0]!} canEdit={canEdit} />
              </ul>
            ),
          )}
        </div>
      )}
      <ConfirmDialog
        open={tabsOpen}
        onOpenChange={setTabsOpen}
        tone="primary"
        title={t("newTabbedTitle")}
        description={t("newTabbedDescription")}
        confirmLabel={t("newTabbedStart")}
        cancelLabel={t("cancel")}
        onConfirm={() => router.push(`/rich-menus/new?tabs=${tabCount}`)}
      >
        <ToggleGroup
          label={t("tabCount")}
          value={tabCount}
          onValueChange={setTabCount}
          items={(["2", "3", "4"] as const).map((v) => ({ value: v, label: t("tabCountItem", { count: Number(v) }) }))}
        />
      </ConfirmDialog>
    </PageContainer>
  );
}

// Tabbed menus first-seen order, their tabs by index; plain menus one group each.
function groupMenus(menus: RichMenu[], tabbed: { id: string; name: string; richMenuIds: string[] }[]) {
  const groups: { tabbed: (typeof tabbed)[number] | null; menus: RichMenu[] }[] = [];
  const seen = new Set<string>();
  for (const m of menus) {
    if (!m.tabbedMenuId) groups.push({ tabbed: null, menus: [m] });
    else if (!seen.has(m.tabbedMenuId)) {
      seen.add(m.tabbedMenuId);
      const group = tabbed.find((g) => g.id === m.tabbedMenuId) ?? { id: m.tabbedMenuId, name: m.name, richMenuIds: [] };
      groups.push({ tabbed: group, menus: menus.filter((x) => x.tabbedMenuId === m.tabbedMenuId).sort((a, b) => (a.tabIndex ?? 0) - (b.tabIndex ?? 0)) });
    }
  }
  return groups;
}
