"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { ErrorState } from "@/components/common/error-state";
import { PageContainer, PageHeader } from "@/components/common/page-header";
import { useConsoleFlags } from "@/components/layout/console-flags";
import { useLive } from "@/components/live/live-provider";
import { RelayOverviewCard } from "@/components/relay/relay-overview-card";
import { overviewKeys, overviewQuery } from "@/lib/client/overview";
import { ConnectChannelCard } from "./connect-channel-card";
import { DemoTourCard } from "./demo-tour-card";
import { HourlyChart } from "./hourly-chart";
import { OverviewSkeleton } from "./overview-skeleton";
import { PerTypeCard } from "./per-type-card";
import { QuotaCard } from "./quota-card";
import { StatCards } from "./stat-cards";
import { WebhookHealthCard } from "./webhook-health-card";

// New webhooks change the figures; refreshing at most this often keeps a busy channel cheap to watch.
const REFRESH_AT_MOST_EVERY_MS = 5000;

export function OverviewView({ webhookUrl }: { webhookUrl: string }) {
  const t = useTranslations("overview");
  const queryClient = useQueryClient();
  const query = useQuery(overviewQuery());
  const { demo } = useConsoleFlags();
  const lastRefresh = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = () => {
    if (pending.current) return;
    const wait = Math.max(0, lastRefresh.current + REFRESH_AT_MOST_EVERY_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = undefined;
      lastRefresh.current = Date.now();
      void queryClient.invalidateQueries({ queryKey: overviewKeys.all });
    }, wait);
  };
  useLive({ onStored: refresh, onResync: refresh });

  return (
    <PageContainer className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {query.isPending ? (
        <OverviewSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="rounded-lg border border-border bg-surface" />
      ) : (
        <>
          {/* In demo mode the fake platform is wired already: no LINE Developers Console steps to follow. */}
          {demo ? <DemoTourCard /> : query.data.lastDeliveryAt === null && <ConnectChannelCard webhookUrl={webhookUrl} />}
          <StatCards overview={query.data} />
          <div className="grid gap-6 xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)]">
            <HourlyChart hours={query.data.hourly24h} />
            <WebhookHealthCard webhook={query.data.webhook} />
          </div>
          <QuotaCard />
          <RelayOverviewCard />
          <PerTypeCard perType24h={query.data.perType24h} perType7d={query.data.perType7d} />
        </>
      )}
    </PageContainer>
  );
}
