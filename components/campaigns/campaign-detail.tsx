"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Download } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { DetailPageSkeleton } from "@/components/common/detail-page-skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { campaignDetailQuery, campaignExportUrl, type CampaignDetailData } from "@/lib/client/campaigns";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { AbTestResults } from "./ab-test-results";
import { CampaignSendCard } from "./campaign-send-card";
import { StatValue } from "./stat-text";

/** /campaigns/[id]: how a campaign did — each send's funnel, clicks, plays and unfollows — with a CSV of it. */
export function CampaignDetailView({ id }: { id: string }) {
  const query = useQuery(campaignDetailQuery(id));
  if (query.isPending) return <DetailPageSkeleton />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Body campaign={query.data} />;
}

function Body({ campaign }: { campaign: CampaignDetailData }) {
  const t = useTranslations("campaigns");
  const format = useFormatter();
  // An A/B test's variants (and its winner) are each measured by a unit of their own.
  const units = campaign.abTest ? [...new Set(campaign.sends.flatMap((s) => (s.aggregationUnit ? [s.aggregationUnit] : [])))] : null;
  return (
    <PageContainer className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-2">
          <Link href="/campaigns" className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
            <ArrowLeft aria-hidden className="size-3.5" />
            {t("detail.back")}
          </Link>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight break-words">
            {campaign.name}
            <Badge tone="primary">{t(`kinds.${campaign.kind}`)}</Badge>
          </h1>
          <p className="text-sm text-muted-foreground">
            {t("detail.meta", { kind: t(`kinds.${campaign.kind}`), author: campaign.author.label })} · <RelativeTime value={campaign.createdAt} withExact />
          </p>
        </div>
        <a href={campaignExportUrl(campaign.id)} className={buttonVariants({ variant: "secondary", size: "sm" })} download data-testid="campaign-csv">
          <Download aria-hidden />
          {t("detail.export")}
        </a>
      </div>

      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)]" data-testid="campaign-facts">
        <dt className="text-muted-foreground">{units ? t("detail.units") : t("detail.unit")}</dt>
        <dd className="font-mono text-xs leading-5">{(units ? units.join(", ") : campaign.aggregationUnit) || t("detail.noUnit")}</dd>
        {campaign.unitBudget && (
          <>
            <dt className="sr-only">{t("detail.unitBudgetHint")}</dt>
            <dd className="text-xs text-muted-foreground sm:col-span-2" title={t("detail.unitBudgetHint")} data-testid="unit-budget">
              {t("detail.unitBudget", campaign.unitBudget)}
            </dd>
          </>
        )}
        {/* Until LINE's first figures, each send says when they come. */}
        {campaign.fetchedAt && (
          <dd className="text-xs text-muted-foreground sm:col-span-2" data-testid="campaign-refreshed">
            {t("detail.refreshed", { time: format.dateTime(new Date(campaign.fetchedAt), SHORT_TIME) })}
          </dd>
        )}
      </dl>

      {campaign.abTest && <AbTestResults campaign={campaign} />}

      {campaign.sends.length > 1 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.totals")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-3 gap-4 text-sm">
              {(["sent", "opened", "clicked"] as const).map((k) => (
                <div key={k}>
                  <dt className="text-xs text-muted-foreground">{t(`funnel.${k}`)}</dt>
                  <dd className="text-lg font-semibold">
                    <StatValue stat={campaign.totals[k]} />
                  </dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      )}
      <p className="text-xs text-muted-foreground">{t("funnel.opensHint")}</p>
      <div className="grid gap-5 xl:grid-cols-2">
        {campaign.sends.map((s) => (
          <CampaignSendCard key={s.id} send={s} />
        ))}
      </div>
    </PageContainer>
  );
}
