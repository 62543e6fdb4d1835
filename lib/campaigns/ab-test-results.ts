import type { Db } from "@/db/client";
import type { CampaignRow } from "@/db/queries/campaigns";
import type { SendRow } from "@/db/schema/sends";
import { log } from "@/lib/platform/log";
import { restRecipients } from "./ab-test-audience";
import { abVerdict, rateOf, verdictText } from "./ab-test-verdict";
import { abTestOf } from "./ab-test-winner";
import type { SendMeasure } from "./measure";

// An A/B test as its campaign page (and GET /api/campaigns/:id) shows it: each variant with its sample
// size, LINE's figures for its unit and its rates, the verdict, and who is left for the winner.

export async function abTestResults(db: Db, params: { channelId: number; campaign: CampaignRow; sends: SendRow[]; measures: Map<string, SendMeasure> }) {
  const state = abTestOf(params.campaign);
  const variants = state.variants.map((v) => {
    const send = params.sends.find((s) => s.id === v.sendId);
    const m = params.measures.get(v.sendId);
    const sampleSize = send?.recipientCount ?? v.size;
    const opened = m?.funnel.opened ?? { value: null };
    const clicked = m?.funnel.clicked ?? { value: null };
    return {
      label: v.label,
      sendId: v.sendId,
      status: send?.status ?? null,
      aggregationUnit: send?.aggregationUnit ?? null,
      sampleSize,
      delivered: m?.funnel.delivered ?? { value: null },
      opened,
      clicked,
      /** Opened (clicked) as a share of the recipients; null while LINE hides or has not given the figure. */
      openRate: rateOf(opened, sampleSize),
      clickRate: rateOf(clicked, sampleSize),
      notMeasured: m?.notMeasured ?? null,
      fetchedAt: m?.fetchedAt ?? null,
    };
  });
  const verdict = abVerdict(variants.map((v) => ({ label: v.label, sampleSize: v.sampleSize, figure: state.metric === "open" ? v.opened : v.clicked })));
  return {
    metric: state.metric,
    decideAt: state.decideAt,
    autoSendWinner: state.autoSendWinner,
    sharePercent: state.sharePercent,
    holdoutPercent: state.holdoutPercent,
    audience: state.audience,
    audienceSize: state.audienceSize,
    variants,
    verdict: { ...verdict, text: verdictText(verdict, state.metric) },
    holdoutSize: state.holdoutSize,
    /** Who the winner goes to: counted now until it is sent (null when that cannot be read: its segment is gone). */
    restSize: state.winner ? state.winner.size : await liveRestSize(db, params.channelId, params.campaign.id, state),
    winner: state.winner,
    needsPerson: state.needsPerson,
  };
}

async function liveRestSize(db: Db, channelId: number, campaignId: string, state: ReturnType<typeof abTestOf>): Promise<number | null> {
  try {
    return (await restRecipients(db, { channelId, campaignId, state })).length;
  } catch (err) {
    log().warn({ scope: "campaigns", channelId, campaignId, err }, "the rest of an A/B test could not be counted");
    return null;
  }
}
