"use client";

import { ArrowUpRight, Info } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { ConsoleLink as Link } from "@/components/common/console-link";
import { RelativeTime } from "@/components/common/relative-time";
import { messagePreviewText } from "@/components/sends/message-summary";
import { SendKindBadge, SendStatusBadge } from "@/components/sends/send-badges";
import { Badge } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CampaignDetailData } from "@/lib/client/campaigns";
import { SHORT_TIME } from "@/lib/utils/date-formats";
import { FunnelChart } from "./funnel-chart";
import { StatValue } from "./stat-text";

type CampaignSend = CampaignDetailData["sends"][number];

/** One send of a campaign: its funnel, clicks per link, media plays, unfollows after it, and how fresh LINE's figures are. */
export function CampaignSendCard({ send }: { send: CampaignSend }) {
  const t = useTranslations("campaigns.detail");
  const tNot = useTranslations("campaigns.notMeasured");
  const tType = useTranslations("composer.types");
  const preview = messagePreviewText(send.messages, tType);
  return (
    <Card data-testid="campaign-send" data-send-id={send.id}>
      <CardHeader className="flex-wrap">
        <div className="min-w-0 space-y-1.5">
          <CardTitle className="flex flex-wrap items-center gap-2">
            <SendKindBadge kind={send.kind} />
            {send.variant && <Badge tone="primary">{send.variant === "winner" ? t("variantWinner") : t("variant", { label: send.variant })}</Badge>}
            <SendStatusBadge send={send} />
            <RelativeTime value={send.createdAt} withExact className="text-xs font-normal text-muted-foreground" />
          </CardTitle>
          <p className="truncate text-sm text-muted-foreground">{preview}</p>
        </div>
        <Link href={`/messages/${send.id}`} className="inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
          {t("openSend")}
          <ArrowUpRight aria-hidden className="size-3.5" />
        </Link>
      </CardHeader>
      <CardContent className="space-y-4">
        {send.notMeasured && send.notMeasured !== "pending" && (
          <Callout tone={send.notMeasured === "units_used_up" ? "warning" : "neutral"} data-testid="not-measured">
            <Info aria-hidden />
            <p>{tNot(send.notMeasured)}</p>
          </Callout>
        )}
        {send.sharedWith.length > 0 && <p className="text-xs text-muted-foreground">{t("sharedWith", { count: send.sharedWith.length })}</p>}
        <FunnelChart funnel={send.funnel} caption={`${t("openSend")}: ${preview}`} />
        <FetchLine send={send} />
        {send.clicks.length > 0 && (
          <div>
            <h3 className="mb-1.5 text-xs font-semibold">{t("clicksTitle")}</h3>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("url")}</TableHead>
                  <TableHead className="text-right">{t("clicks")}</TableHead>
                  <TableHead className="text-right">{t("uniqueClicks")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {send.clicks.map((c) => (
                  <TableRow key={`${c.seq}:${c.url}`}>
                    <TableCell className="max-w-80 truncate font-mono text-xs" title={c.url}>
                      {c.url}
                    </TableCell>
                    <TableCell className="text-right">
                      <StatValue stat={c.clicks} />
                    </TableCell>
                    <TableCell className="text-right">
                      <StatValue stat={c.uniqueClicks} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {send.media.length > 0 && (
          <div>
            <h3 className="mb-1.5 text-xs font-semibold">{t("mediaTitle")}</h3>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("mediaMessage")}</TableHead>
                  <TableHead className="text-right">{t("played")}</TableHead>
                  {[25, 50, 75, 100].map((p) => (
                    <TableHead key={p} className="text-right">
                      {t("playedTo", { percent: p })}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {send.media.map((m) => (
                  <TableRow key={m.seq}>
                    <TableCell>{t("message", { seq: m.seq })}</TableCell>
                    {[m.played, m.p25, m.p50, m.p75, m.p100].map((s, i) => (
                      <TableCell key={i} className="text-right">
                        <StatValue stat={s} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 border-t border-border pt-3 text-sm" data-testid="unfollows">
          <span className="text-muted-foreground" title={t("unfollowsHint")}>
            {t("unfollows")}
          </span>
          <span className="font-medium tabular">{t("unfollowsCount", { count: send.unfollows.count })}</span>
          {!send.unfollows.complete && <span className="text-xs text-muted-foreground">({t("unfollowsCounting")})</span>}
          <span className="sr-only">{t("unfollowsHint")}</span>
        </div>
      </CardContent>
    </Card>
  );
}

// When LINE's figures were last fetched, when next, or that they are final; a failed refresh in LINE's words.
function FetchLine({ send }: { send: CampaignSend }) {
  const t = useTranslations("campaigns.detail");
  const tNot = useTranslations("campaigns.notMeasured");
  const format = useFormatter();
  if (send.notMeasured === "pending") return <p className="text-xs text-muted-foreground">{tNot("pending")}</p>;
  if (!send.subject) return null;
  const next = send.nextFetchAt ? format.dateTime(new Date(send.nextFetchAt), SHORT_TIME) : null;
  return (
    <div className="space-y-1 text-xs text-muted-foreground" data-testid="fetched">
      <p>
        {send.fetchedAt ? (
          <>
            {t("refreshed", { time: format.dateTime(new Date(send.fetchedAt), SHORT_TIME) })}
            {" · "}
            {next ? t("nextFetch", { time: next }) : t("final")}
          </>
        ) : (
          <>
            {t("notFetched")}
            {next && <> {t("nextFetch", { time: next })}</>}
          </>
        )}
      </p>
      {send.error && <p className="text-warning-soft-foreground">{t("fetchError", { message: send.error.message || String(send.error.status ?? "") })}</p>}
    </div>
  );
}
