import type { Db } from "@/db/client";
import { getCampaign, listCampaigns, sendsOfCampaigns, type CampaignRow } from "@/db/queries/campaigns";
import { statisticsOfCampaigns, unfollowsAfterSends } from "@/db/queries/send-statistics";
import type { ClientsFor } from "@/lib/line/clients";
import { notFound } from "@/lib/platform/http/errors";
import { log } from "@/lib/platform/log";
import { serializeSendSummary } from "@/lib/sends/serialize";
import { shownUnitBudget } from "./aggregation-units";
import { abTestResults } from "./ab-test-results";
import { encodeCampaignCursor, type ListCampaignsQuery } from "./campaign-schemas";
import { measureSends } from "./measure";

// The campaigns' reads, for GET /api/campaigns(/:id), its CSV and the pages that show them.

/** Unfollows are counted over this long after each send. */
export const UNFOLLOW_WINDOW_MS = 24 * 3_600_000;

/** A page of campaigns, newest first, each with its totals (sent, opened, clicked) and last refresh. */
export async function readCampaigns(db: Db, params: { channelId: number; query: ListCampaignsQuery }) {
  const page = await listCampaigns(db, { channelId: params.channelId, limit: params.query.limit, cursor: params.query.cursor });
  const ids = page.items.map((c) => c.id);
  const [sends, rows] = await Promise.all([
    sendsOfCampaigns(db, { channelId: params.channelId, campaignIds: ids }),
    statisticsOfCampaigns(db, { channelId: params.channelId, campaignIds: ids }),
  ]);
  const last = page.items.at(-1);
  return {
    items: page.items.map((c) => {
      const own = sends.filter((s) => s.campaignId === c.id);
      const m = measureSends(
        own,
        rows.filter((r) => r.campaignId === c.id),
      );
      return {
        ...serializeCampaign(c),
        sendCount: own.length,
        kinds: [...new Set(own.map((s) => s.kind))],
        lastSentAt: own.at(-1)?.createdAt.toISOString() ?? null,
        totals: m.totals,
        fetchedAt: m.fetchedAt,
      };
    }),
    nextCursor: page.hasMore && last ? encodeCampaignCursor(last) : null,
  };
}

/**
 * One campaign: its sends, each with its funnel, clicks per URL, media plays, unfollows in the 24 hours
 * after it and when its figures were last fetched; the month's budget of aggregation units; an A/B
 * test's variants side by side with its verdict. 404 when the channel has no such campaign.
 */
export async function readCampaign(db: Db, params: { channelId: number; id: string; clients: ClientsFor; now?: Date }) {
  const campaign = await getCampaign(db, { channelId: params.channelId, id: params.id });
  if (!campaign) throw notFound("Campaign");
  const now = params.now ?? new Date();
  const [sends, rows] = await Promise.all([
    sendsOfCampaigns(db, { channelId: params.channelId, campaignIds: [campaign.id] }),
    statisticsOfCampaigns(db, { channelId: params.channelId, campaignIds: [campaign.id] }),
  ]);
  const unfollows = await unfollowsAfterSends(db, {
    channelId: params.channelId,
    sends: sends.map((s) => ({
      id: s.id,
      kind: s.kind,
      createdAt: s.createdAt,
      to: s.kind === "push" ? String((s.request as { to?: string }).to ?? "") : null,
    })),
    windowMs: UNFOLLOW_WINDOW_MS,
  });
  // The budget is LINE's (and ours); a page without it is still worth showing.
  const budget = await shownUnitBudget(db, { channelId: params.channelId, clients: params.clients }).catch((err: unknown) => {
    log().warn({ scope: "campaigns", channelId: params.channelId, err }, "the aggregation unit budget could not be read");
    return null;
  });
  const m = measureSends(sends, rows);
  return {
    ...serializeCampaign(campaign),
    abTest: campaign.kind === "ab_test" ? await abTestResults(db, { channelId: params.channelId, campaign, sends, measures: m.measures }) : null,
    totals: m.totals,
    fetchedAt: m.fetchedAt,
    unitBudget: budget ? { used: budget.used, limit: budget.limit } : null,
    sends: sends.map((s) => ({
      ...serializeSendSummary(s),
      ...m.measures.get(s.id)!,
      unfollows: {
        count: unfollows.get(s.id) ?? 0,
        // Still counting until 24 hours after the send.
        complete: now.getTime() >= s.createdAt.getTime() + UNFOLLOW_WINDOW_MS,
      },
    })),
  };
}

function serializeCampaign(c: CampaignRow) {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    aggregationUnit: c.aggregationUnit,
    unitMonth: c.unitMonth,
    author: { kind: c.authorKind, id: c.authorId, label: c.authorLabel },
    createdAt: c.createdAt.toISOString(),
  };
}

export type CampaignPage = Awaited<ReturnType<typeof readCampaigns>>;
export type CampaignDetail = Awaited<ReturnType<typeof readCampaign>>;
