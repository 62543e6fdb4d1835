"use client";

import { ArrowUpRight, CircleCheck, Hand, Scale, Trophy } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useCan } from "@/components/auth/member-context";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { messagePreviewText } from "@/components/sends/message-summary";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignDetailData } from "@/lib/client/campaigns";
import { cn } from "@/lib/utils/cn";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { AbTestWinnerButton } from "./ab-test-winner-button";
import { StatValue } from "./stat-text";

type AbTest = NonNullable<CampaignDetailData["abTest"]>;
type Variant = AbTest["variants"][number];

/**
 * An A/B test's variants side by side — sample sizes, LINE's opens and clicks, rates with bars — the
 * verdict in words, and the winner: sent, or a button per variant to send it to the rest.
 */
export function AbTestResults({ campaign }: { campaign: CampaignDetailData }) {
  const t = useTranslations("campaigns.abTest");
  const format = useFormatter();
  const canSend = useCan("operator");
  const test = campaign.abTest!;
  const leader = test.verdict.kind === "clear" || test.verdict.kind === "too_close" ? test.verdict.leader : null;
  const metricRate = (v: Variant) => (test.metric === "open" ? v.openRate : v.clickRate);
  const decideAt = format.dateTime(new Date(test.decideAt), SHORT_TIME);
  return (
    <Card data-testid="ab-test">
      <CardHeader>
        <div className="space-y-1">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>
            {t("summary", {
              metric: t(`metrics.${test.metric}`),
              audience: test.audience.kind === "segment" ? t("audienceSegment", { name: test.audience.segmentName }) : t("audienceAll"),
              size: test.audienceSize,
            })}{" "}
            {test.winner ? null : test.autoSendWinner ? t("decidesAuto", { time: decideAt }) : t("decidesPerson", { time: decideAt })}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className={cn("grid gap-3", test.variants.length > 2 ? "md:grid-cols-2 2xl:grid-cols-4" : "md:grid-cols-2")} aria-label={t("variantsLabel")}>
          {test.variants.map((v) => (
            <VariantColumn key={v.label} variant={v} campaign={campaign} leading={v.label === leader} rate={metricRate(v)} />
          ))}
        </ul>
        <p className="text-xs text-muted-foreground" data-testid="ab-test-holdout">
          {t("holdoutLine", { holdout: test.holdoutSize })}
        </p>
        <Verdict test={test} />
        {test.needsPerson && !test.winner && (
          <Callout tone="warning" data-testid="ab-test-needs-person">
            <Hand aria-hidden />
            <p>{t(`needsPerson.${test.needsPerson.reason}`)}</p>
          </Callout>
        )}
        {test.winner ? (
          <Callout tone="success" data-testid="ab-test-winner">
            <Trophy aria-hidden />
            <p className="min-w-0 flex-1">
              {t(test.winner.by === "auto" ? "winnerSentAuto" : "winnerSent", {
                label: test.winner.variant,
                count: test.winner.size,
                time: format.dateTime(new Date(test.winner.at), SHORT_TIME),
              })}{" "}
              <Link href={`/messages/${test.winner.sendId}`} className="inline-flex items-center gap-0.5 font-medium underline underline-offset-2">
                {t("openWinner")}
                <ArrowUpRight aria-hidden className="size-3.5" />
              </Link>
            </p>
          </Callout>
        ) : (
          canSend && (
            <div className="space-y-2" data-testid="ab-test-send-winner">
              <p className="text-sm text-muted-foreground">{test.restSize === null ? t("restUnknown") : t("restLine", { count: test.restSize })}</p>
              <div className="flex flex-wrap gap-2">
                {test.variants.map((v) => (
                  <AbTestWinnerButton key={v.label} campaignId={campaign.id} label={v.label} restSize={test.restSize} primary={v.label === leader} />
                ))}
              </div>
            </div>
          )
        )}
      </CardContent>
    </Card>
  );
}

function VariantColumn({ variant: v, campaign, leading, rate }: { variant: Variant; campaign: CampaignDetailData; leading: boolean; rate: number | null }) {
  const t = useTranslations("campaigns.abTest");
  const tType = useTranslations("composer.types");
  const tFunnel = useTranslations("campaigns.funnel");
  const tNot = useTranslations("campaigns.notMeasured");
  const send = campaign.sends.find((s) => s.id === v.sendId);
  const preview = send ? messagePreviewText(send.messages, tType) : "";
  const test = campaign.abTest!;
  return (
    <li
      data-testid="ab-test-variant"
      data-label={v.label}
      className={cn("min-w-0 space-y-3 rounded-lg border p-3", leading ? "border-primary/50 bg-primary-soft/20" : "border-border")}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="flex min-w-0 items-center gap-2 text-sm font-semibold">
          <span className="flex size-6 shrink-0 items-center justify-center rounded-md bg-primary-soft text-primary-soft-foreground">{v.label}</span>
          <span className="truncate font-normal text-muted-foreground" title={preview}>
            {preview}
          </span>
        </h3>
        {leading && (
          <Badge tone="primary">
            <Trophy aria-hidden />
            {t("leading")}
          </Badge>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
        <div className="col-span-2">
          <dt className="text-xs text-muted-foreground">{t("sampleSize")}</dt>
          <dd className="font-semibold tabular" data-testid="ab-test-sample">
            {t("friends", { count: v.sampleSize })}
          </dd>
        </div>
        <Figure label={tFunnel("opened")} stat={v.opened} rate={v.openRate} testId="ab-test-opened" />
        <Figure label={tFunnel("clicked")} stat={v.clicked} rate={v.clickRate} testId="ab-test-clicked" />
      </dl>
      <RateBar rate={rate} label={t("rateBar", { label: v.label, metric: t(`metrics.${test.metric}`) })} />
      {v.notMeasured && v.notMeasured !== "pending" && <p className="text-xs text-warning-soft-foreground">{tNot(v.notMeasured)}</p>}
    </li>
  );
}

function Figure({ label, stat, rate, testId }: { label: string; stat: Variant["opened"]; rate: number | null; testId: string }) {
  const format = useFormatter();
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd data-testid={testId}>
        <StatValue stat={stat} />
        {rate !== null && (
          <span className="ml-1.5 text-xs text-muted-foreground tabular">{format.number(rate, { style: "percent", maximumFractionDigits: 1 })}</span>
        )}
      </dd>
    </div>
  );
}

// The metric's rate as a bar (out of 100 %); a rate not known draws an empty, dashed track.
function RateBar({ rate, label }: { rate: number | null; label: string }) {
  const format = useFormatter();
  const t = useTranslations("campaigns.abTest");
  const text = rate === null ? t("noRate") : format.number(rate, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div
      role="img"
      aria-label={`${label}: ${text}`}
      className={cn("h-2 w-full overflow-hidden rounded-full", rate === null ? "border border-dashed border-border-strong" : "bg-muted")}
    >
      {rate !== null && <div className="h-full rounded-full bg-primary" style={{ width: `${Math.max(1, Math.min(100, rate * 100))}%` }} />}
    </div>
  );
}

function Verdict({ test }: { test: AbTest }) {
  const t = useTranslations("campaigns.abTest.verdict");
  const tMetric = useTranslations("campaigns.abTest.metrics");
  const format = useFormatter();
  const list = (labels: string[]) => format.list(labels, { type: "conjunction" });
  const pct = (r: number) => format.number(r, { style: "percent", maximumFractionDigits: 1 });
  const v = test.verdict;
  const metric = tMetric(test.metric);
  const text =
    v.kind === "clear" || v.kind === "too_close"
      ? t(v.kind, { leader: v.leader, runnerUp: v.runnerUp, leaderRate: pct(v.leaderRate), runnerUpRate: pct(v.runnerUpRate), metric })
      : v.kind === "hidden"
        ? t("hidden", { labels: list(v.labels) })
        : v.kind === "tie"
          ? t("tie", { labels: list(v.labels), rate: pct(v.rate), metric })
          : t("not_yet");
  const Icon = v.kind === "clear" ? CircleCheck : Scale;
  return (
    <Callout
      tone={v.kind === "clear" ? "success" : v.kind === "too_close" || v.kind === "tie" ? "info" : "neutral"}
      data-testid="ab-test-verdict"
      data-kind={v.kind}
    >
      <Icon aria-hidden />
      <p>{text}</p>
    </Callout>
  );
}
