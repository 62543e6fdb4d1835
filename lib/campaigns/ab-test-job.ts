import type { Db } from "@/db/client";
import { claimDueDecisions, lockCampaign, postponeDecision, sendsOfCampaigns, updateAbTest, type CampaignRow } from "@/db/queries/campaigns";
import { statisticsOfCampaigns } from "@/db/queries/send-statistics";
import type { ClientsFor } from "@/lib/line/clients";
import { recordAudit } from "@/lib/platform/audit";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { HttpError } from "@/lib/platform/http/errors";
import { log } from "@/lib/platform/log";
import type { AbTestState, NeedsPersonReason, VariantLabel } from "./ab-test-schemas";
import { abVerdict } from "./ab-test-verdict";
import { abTestOf, sendWinner } from "./ab-test-winner";
import { measureSends } from "./measure";
import { fetchStatisticsNow } from "./statistics-job";
import { actorOfAuthor } from "@/lib/sends/author";

// A/B tests that send their winner by themselves: at the decision time, each variant's figures are
// fetched from LINE afresh and the leader by the test's metric goes to the rest. The tests due are
// leased (FOR UPDATE SKIP LOCKED, then decide_locked_until), and the winner is sent once only anyway
// (lib/campaigns/ab-test-winner.ts), so several instances never send two. When LINE hides a variant's
// figure (fewer than 20) the task does not guess: the test is marked as needing a person.

const LEASE_MS = 2 * 60_000;
/** Figures not fresh yet (LINE slow, this hour's insight calls spent): look again this much later. */
const RETRY_MS = 5 * 60_000;
/** Still no fresh figures this long after the decision time: a person decides. */
const GIVE_UP_MS = 6 * 3_600_000;
const SYSTEM = { kind: "system" as const, name: "A/B test" };

export function abTestTask(options: { db: Db; clients: ClientsFor; everyMs?: number }): BackgroundTask {
  const everyMs = options.everyMs ?? 5_000;
  let last = 0;
  return {
    name: "ab-test-decisions",
    tick: async () => {
      if (Date.now() - last < everyMs) return 0;
      last = Date.now();
      return decideDueAbTests(options.db, options.clients);
    },
    // One indexed look every few seconds when nothing is due: it never holds the loop back.
    full: () => true,
  };
}

/** Decide the A/B tests whose time has come (a batch, leased to this instance); answers how many were taken. */
export async function decideDueAbTests(db: Db, clients: ClientsFor, opts: { limit?: number } = {}) {
  const due = await claimDueDecisions(db, { limit: opts.limit ?? 3, leaseMs: LEASE_MS });
  for (const campaign of due) {
    await decide(db, clients, campaign).catch(async (err: unknown) => {
      log().error({ scope: "ab-test", channelId: campaign.channelId, campaignId: campaign.id, err }, "deciding an A/B test failed; trying again later");
      await postponeDecision(db, { id: campaign.id, at: new Date(Date.now() + RETRY_MS) });
    });
  }
  return due.length;
}

async function decide(db: Db, clients: ClientsFor, campaign: CampaignRow) {
  const state = abTestOf(campaign);
  if (state.winner || !state.autoSendWinner) return updateAbTest(db, { id: campaign.id, abTest: state, decideAt: null });
  const channelId = campaign.channelId;
  const sends = await sendsOfCampaigns(db, { channelId, campaignIds: [campaign.id] });
  const variantSends = state.variants.map((v) => sends.find((s) => s.id === v.sendId));
  const subjects = variantSends.flatMap((s) => (s?.aggregationUnit ? [`unit:${s.aggregationUnit}`] : []));
  if (subjects.length < state.variants.length) return needsPerson(db, campaign, "not_measured");

  await fetchStatisticsNow(db, clients, { channelId, subjects });
  const rows = (await statisticsOfCampaigns(db, { channelId, campaignIds: [campaign.id] })).filter((r) => subjects.includes(r.subject));
  const decideAt = Date.parse(state.decideAt);
  const fresh = subjects.every((s) => (rows.find((r) => r.subject === s)?.fetchedAt?.getTime() ?? 0) >= decideAt);
  if (!fresh) {
    if (Date.now() > decideAt + GIVE_UP_MS) return needsPerson(db, campaign, "statistics_unavailable");
    return postponeDecision(db, { id: campaign.id, at: new Date(Date.now() + RETRY_MS) });
  }

  const { measures } = measureSends(sends, rows);
  const verdict = abVerdict(
    state.variants.map((v) => {
      const funnel = measures.get(v.sendId)?.funnel;
      const figure = (state.metric === "open" ? funnel?.opened : funnel?.clicked) ?? { value: null };
      return { label: v.label, sampleSize: sends.find((s) => s.id === v.sendId)?.recipientCount ?? v.size, figure };
    }),
  );
  if (verdict.kind === "hidden") return needsPerson(db, campaign, "hidden");
  if (verdict.kind === "tie") return needsPerson(db, campaign, "tie");
  if (verdict.kind === "not_yet") return needsPerson(db, campaign, "not_measured");

  try {
    const { send, state: sent } = await sendWinner(db, {
      channelId,
      campaignId: campaign.id,
      variant: verdict.leader as VariantLabel,
      actor: actorOfAuthor(campaign),
      by: "auto",
      clients,
    });
    await recordAudit(db, {
      actor: SYSTEM,
      ip: null,
      channelId,
      action: "campaign.winner_sent",
      target: campaign.id,
      details: { variant: verdict.leader, sendId: send.id, recipients: sent.winner?.size, by: "auto", verdict: verdict.kind, metric: state.metric },
    });
  } catch (err) {
    if (err instanceof HttpError && err.code === "nobody_left") return needsPerson(db, campaign, "nobody_left");
    // Someone sent it meanwhile: nothing is left to decide.
    if (err instanceof HttpError && err.code === "winner_already_sent") return;
    throw err;
  }
}

/** The decision is left to a person: the page says why, the audit log records it. Never over a winner already sent. */
async function needsPerson(db: Db, campaign: CampaignRow, reason: NeedsPersonReason) {
  const marked = await db.transaction(async (tx) => {
    const locked = await lockCampaign(tx, { channelId: campaign.channelId, id: campaign.id });
    const current: AbTestState = abTestOf(locked!);
    if (current.winner) return false;
    await updateAbTest(tx, { id: campaign.id, abTest: { ...current, needsPerson: { reason, at: new Date().toISOString() } }, decideAt: null });
    return true;
  });
  if (!marked) return;
  await recordAudit(db, {
    actor: SYSTEM,
    ip: null,
    channelId: campaign.channelId,
    action: "campaign.ab_test_needs_decision",
    target: campaign.id,
    details: { reason },
  });
}
