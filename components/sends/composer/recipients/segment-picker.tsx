"use client";

import { useQuery } from "@tanstack/react-query";
import { Filter, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { ErrorAlert } from "@/components/common/error-message";
import { SegmentFilterSummary } from "@/components/segments/segment-filter-summary";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { segmentDetailQuery, segmentListQuery } from "@/lib/client/segments";
import { cn } from "@/lib/utils/cn";
import { PathErrors } from "../field";

/**
 * A saved segment as the multicast's recipients: each with its conditions and its size when last
 * counted; the chosen one is counted again now. The send itself goes to whoever matches when it is made.
 */
export function SegmentPicker({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const t = useTranslations("composer.multicast.segment");
  const tErrors = useTranslations("errors");
  const list = useQuery(segmentListQuery());
  const segments = list.data?.items ?? [];
  const gone = value !== null && list.isSuccess && !segments.some((s) => s.id === value);
  return (
    <div className="space-y-2">
      {list.isPending ? (
        <div aria-hidden className="space-y-1.5">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-12 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <div className="flex items-start gap-2">
          <ErrorAlert error={list.error} className="flex-1" />
          <Button size="xs" onClick={() => void list.refetch()}>
            <RotateCw aria-hidden />
            {tErrors("retry")}
          </Button>
        </div>
      ) : segments.length === 0 ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-dashed border-border px-3 py-3 text-sm text-muted-foreground">
          <Filter aria-hidden className="size-4 shrink-0" />
          {t("none")}
          <Link href="/segments/new" className="font-medium text-foreground underline underline-offset-2">
            {t("create")}
          </Link>
        </p>
      ) : (
        <div
          role="radiogroup"
          aria-label={t("label")}
          className="max-h-80 divide-y divide-border overflow-y-auto rounded-lg border border-border scrollbar-thin"
        >
          {segments.map((s) => (
            <label
              key={s.id}
              data-testid="segment-option"
              className={cn(
                "flex cursor-pointer items-start gap-3 px-3 py-2.5 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                value === s.id ? "bg-primary-soft/40" : "hover:bg-hover",
              )}
            >
              <input
                type="radio"
                name="multicast-segment"
                value={s.id}
                checked={value === s.id}
                onChange={() => onChange(s.id)}
                className="mt-1 size-3.5 shrink-0 accent-[var(--color-primary)]"
              />
              <span className="min-w-0 flex-1 space-y-1">
                <span className="block truncate text-sm font-medium">{s.name}</span>
                <SegmentFilterSummary filter={s.filter} />
              </span>
              <span className="shrink-0 text-right text-xs whitespace-nowrap text-muted-foreground tabular">
                {s.size === null ? t("notCounted") : t("friends", { count: s.size })}
              </span>
            </label>
          ))}
        </div>
      )}
      {gone && <p className="text-xs text-danger">{t("gone")}</p>}
      {value !== null && !gone && <SizeNow id={value} />}
      <PathErrors path="to" />
      <PathErrors path="segmentId" />
    </div>
  );
}

// The chosen segment counted now: the number the review and the confirmation use.
function SizeNow({ id }: { id: string }) {
  const t = useTranslations("composer.multicast.segment");
  const detail = useQuery(segmentDetailQuery(id));
  if (!detail.isSuccess) return <p className="text-sm text-muted-foreground">{detail.isError ? t("countFailed") : t("counting")}</p>;
  return (
    <p className="text-sm" data-testid="segment-size-now">
      <span className="font-semibold">{t("matchNow", { count: detail.data.size ?? 0 })}</span>
      {detail.data.size === 0 && <span className="ml-1.5 text-danger">{t("empty")}</span>}
    </p>
  );
}
