"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { richMenuQuery } from "@/lib/client/rich-menus";
import { RichMenuTabs } from "../rich-menu-tabs";
import { dayRange, lastDays, tapsQuery } from "@/lib/client/rich-menu-taps";
import { segmentListQuery } from "@/lib/client/segments";
import { HeatMap } from "./heat-map";
import { LineStats } from "./line-stats";
import { PeriodPicker, type PeriodChoice } from "./period-picker";
import { TapsTable } from "./taps-table";

/**
 * How the menu is used: taps per area over a period (and within a segment), counted from the events the
 * console stored — postbacks and messages that match an area — beside LINE's own statistics.
 */
export function TapsView({ id }: { id: string }) {
  const t = useTranslations("richMenus.taps");
  const menu = useQuery(richMenuQuery(id));
  const [choice, setChoice] = useState<PeriodChoice>("30");
  const [custom, setCustom] = useState(() => {
    const today = new Date();
    return { from: isoDay(new Date(today.getTime() - 29 * 86_400_000)), to: isoDay(today) };
  });
  const [segmentId, setSegmentId] = useState("");
  const segments = useQuery(segmentListQuery());
  // Fixed when the choice changes (not on every render), so the query key holds still.
  const range = useMemo(() => (choice === "custom" ? dayRange(custom.from, custom.to) : lastDays(Number(choice))), [choice, custom]);
  const taps = useQuery({
    ...tapsQuery(id, { ...(range ?? lastDays(30)), segmentId: segmentId || null }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });

  if (menu.isPending) return <DetailPageSkeleton />;
  if (menu.isError)
    return (
      <PageContainer>
        <ErrorState error={menu.error} onRetry={() => void menu.refetch()} />
      </PageContainer>
    );
  const m = menu.data.richMenu;
  const hasUri = m.areas.some((a) => a.action.type === "uri");
  return (
    <PageContainer className="space-y-5">
      <PageHeader title={m.name} description={t("description")} />
      <RichMenuTabs id={m.id} />
      <div className="flex flex-wrap items-center gap-3">
        <PeriodPicker choice={choice} onChoice={setChoice} custom={custom} onCustom={setCustom} />
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">{t("segment")}</span>
          <Select value={segmentId} onChange={(e) => setSegmentId(e.target.value)} className="h-8 w-56" data-testid="taps-segment">
            <option value="">{t("allFriends")}</option>
            {segments.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {range === null && <p className="text-sm text-danger">{t("period.invalid")}</p>}
      <Callout tone="neutral">
        <Info aria-hidden />
        <span>
          {t("howCounted")} {hasUri && <strong className="font-medium">{t("uriNote")}</strong>}
        </span>
      </Callout>
      {taps.isError ? (
        <ErrorState error={taps.error} onRetry={() => void taps.refetch()} />
      ) : (
        <>
          <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_20rem]">
            <HeatMap menu={m} taps={taps.data} describedBy="rich-menu-taps-table" />
            {taps.data ? <LineStats taps={taps.data} /> : <Skeleton className="h-48 w-full" />}
          </div>
          <Card>
            <CardContent className="px-0 pt-2 pb-2">
              {taps.data ? <TapsTable id="rich-menu-taps-table" menu={m} taps={taps.data} /> : <Skeleton className="mx-4 h-24" />}
            </CardContent>
          </Card>
        </>
      )}
    </PageContainer>
  );
}

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
