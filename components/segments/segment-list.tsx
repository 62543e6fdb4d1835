"use client";

import { useQuery } from "@tanstack/react-query";
import { CloudUpload, Download, Filter, MoreHorizontal, Pencil, Plus, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { useConsoleRouter } from "@/components/common/console-link";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DropdownMenu, DropdownMenuItem, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { segmentListQuery } from "@/lib/client/segments";
import { AudienceStatus } from "./audience-status";
import { SegmentFilterSummary } from "./segment-filter-summary";
import { useSegmentActions } from "./use-segment-actions";

const BUSY = new Set(["uploading", "in_progress", "activating"]);

/** Saved segments: what each means, how many it held when last counted, its LINE audience. */
export function SegmentList({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("segments");
  const router = useConsoleRouter();
  const query = useQuery({
    ...segmentListQuery(),
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.audience && BUSY.has(s.audience.status)) ? 3000 : false),
  });
  const { upload, remove } = useSegmentActions();
  const segments = query.data?.items ?? [];
  const format = useFormatter();

  return (
    <PageContainer className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canEdit && (
            <Link href="/segments/new" className={buttonVariants({ variant: "primary", size: "sm" })}>
              <Plus aria-hidden />
              {t("new")}
            </Link>
          )
        }
      />
      <Card className="overflow-hidden">
        {query.isPending ? (
          <div aria-hidden className="space-y-3 p-4">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : segments.length === 0 ? (
          <EmptyState
            icon={<Filter />}
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            action={
              canEdit ? (
                <Link href="/segments/new" className={buttonVariants({ variant: "primary" })}>
                  {t("new")}
                </Link>
              ) : undefined
            }
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="bg-muted/40">
                <TableHead className="w-full">{t("columns.segment")}</TableHead>
                <TableHead className="text-right">{t("columns.size")}</TableHead>
                <TableHead>{t("columns.audience")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("columns.updated")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("columns.actions")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {segments.map((s) => (
                <TableRow
                  key={s.id}
                  className="group cursor-pointer hover:bg-hover"
                  onClick={(e) => !(e.target as HTMLElement).closest("a, button, [role=menu]") && router.push(`/segments/${s.id}`)}
                >
                  <TableCell className="max-w-0 min-w-64 space-y-1.5">
                    <Link href={`/segments/${s.id}`} className="block truncate font-medium hover:underline">
                      {s.name}
                    </Link>
                    <SegmentFilterSummary filter={s.filter} />
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <span className="font-medium tabular">{s.size === null ? "—" : format.number(s.size)}</span>
                    {s.sizeAt && (
                      <span className="block text-2xs text-subtle-foreground">
                        <RelativeTime value={s.sizeAt} />
                      </span>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {s.audience ? <AudienceStatus audience={s.audience} /> : <span className="text-xs text-subtle-foreground">{t("noAudience")}</span>}
                  </TableCell>
                  <TableCell className="hidden text-sm whitespace-nowrap text-muted-foreground md:table-cell">
                    <RelativeTime value={s.updatedAt} />
                  </TableCell>
                  <TableCell className="pl-0">
                    <DropdownMenu
                      align="end"
                      label={t("actions.label", { name: s.name })}
                      trigger={
                        <Button variant="ghost" size="icon-sm" aria-label={t("actions.label", { name: s.name })}>
                          <MoreHorizontal aria-hidden />
                        </Button>
                      }
                    >
                      <DropdownMenuItem onSelect={() => router.push(`/segments/${s.id}`)}>
                        <Pencil aria-hidden />
                        {t(canEdit ? "actions.edit" : "actions.open")}
                      </DropdownMenuItem>
                      {canEdit && (
                        <DropdownMenuItem onSelect={() => window.location.assign(new URL(`/api/segments/${s.id}/export`, window.location.origin))}>
                          <Download aria-hidden />
                          {t("actions.export")}
                        </DropdownMenuItem>
                      )}
                      {canEdit && (
                        <DropdownMenuItem onSelect={() => upload.mutate(s.id)}>
                          <CloudUpload aria-hidden />
                          {t("actions.upload")}
                        </DropdownMenuItem>
                      )}
                      {canEdit && <DropdownMenuSeparator />}
                      {canEdit && (
                        <DropdownMenuItem
                          onSelect={() => window.confirm(t("actions.confirmDelete", { name: s.name })) && remove.mutate(s.id)}
                          className="text-danger-soft-foreground"
                        >
                          <Trash2 aria-hidden />
                          {t("actions.delete")}
                        </DropdownMenuItem>
                      )}
                    </DropdownMenu>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </PageContainer>
  );
}
