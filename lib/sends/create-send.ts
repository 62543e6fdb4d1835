import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { findSendByClientKey, insertSend, type NewChunk } from "@/db/queries/sends";
import type { SendRow } from "@/db/schema/sends";
import type { Actor } from "@/lib/auth/require-actor";
import { planSendCampaign, type SendCampaignPlan } from "@/lib/campaigns/send-campaign";
import { assertChannelSends, lineClientsFor } from "@/lib/channel/credentials";
import type { ClientsFor } from "@/lib/line/clients";
import type { MulticastBody, PushBody, SendBody } from "@/lib/sends/send-schemas";
import { authorLabel } from "@/lib/sends/author";

/** LINE takes at most 500 user ids per multicast request. */
export const MULTICAST_CHUNK = 500;

export interface CreateSendInput {
  channelId: number;
  kind: SendRow["kind"];
  body: SendBody & { replyToken?: string };
  actor: Actor;
  isTest?: boolean;
  replyToEventId?: number;
  sourceDraftId?: string;
  /** A multicast to a saved segment: recorded on the send (its recipients are already in body.to). */
  segment?: { id: string; name: string; size: number };
  /** A broadcast: who it should reach, as estimated now (lib/sends/broadcast-reach.ts). */
  estimatedRecipients?: number | null;
  /** The campaign it is measured in, its A/B variant, and the schedule that started it. */
  campaignId?: string | null;
  /** No campaignId: a campaign of kind "single" made with the send (the composer's and the API's sends). */
  newCampaign?: { name: string } | null;
  variant?: string | null;
  scheduleId?: string | null;
  /** LINE as the channel's bot (the month's count of aggregation units); the channel's own clients if not given. */
  clients?: ClientsFor;
  /**
   * Whether the send may take an aggregation unit, when the caller has decided it (an A/B test decides
   * for all its sends at once, before its transaction); LINE's budget is asked when not given.
   */
  unitsAllowed?: boolean;
}

/**
 * Turn a validated body into a stored send: its LINE requests (multicast: duplicates removed, 500 ids
 * a request) each with its own X-Line-Retry-Key, ready for the workers. Nothing is sent here; an archived
 * channel's send is refused (409) before anything is stored. A send in a campaign (a push or multicast)
 * carries the campaign's aggregation unit (lib/campaigns/send-campaign.ts).
 */
export async function createSend(db: Db, input: CreateSendInput) {
  await assertChannelSends(db, input.channelId);
  // Campaign and unit are the caller's, kept on the send row: LINE never sees them in the body.
  const {
    retryKey: clientKey,
    campaignId: _c,
    campaignName: _n,
    customAggregationUnits: units,
    ...rest
  } = input.body as SendBody & {
    replyToken?: string;
    campaignId?: string;
    campaignName?: string;
    customAggregationUnits?: PushBody["customAggregationUnits"];
  };
  // A repeated client key answers the send already made, without making another campaign for it.
  const repeated = clientKey ? await findSendByClientKey(db, { channelId: input.channelId, clientKey }) : undefined;
  if (repeated) return { send: repeated, created: false };
  let request: Record<string, unknown> = rest;
  let chunks: NewChunk[];
  let recipientCount: number | null = null;

  if (input.kind === "multicast") {
    const unique = [...new Set((rest as MulticastBody).to ?? [])];
    const { to: _to, segmentId: _segmentId, ...withoutTo } = rest as MulticastBody;
    // The ids live in the requests (chunks); the send keeps the body without them and their count.
    request = { ...withoutTo, toCount: unique.length, ...(input.segment ? { segment: input.segment } : {}) };
    chunks = [];
    for (let i = 0; i < unique.length; i += MULTICAST_CHUNK) {
      chunks.push({ id: randomUUID(), seq: chunks.length, recipients: unique.slice(i, i + MULTICAST_CHUNK), retryKey: randomUUID() });
    }
    recipientCount = unique.length;
  } else {
    chunks = [{ id: randomUUID(), seq: 0, recipients: null, retryKey: randomUUID() }];
    if (input.kind === "push" || input.kind === "reply") recipientCount = 1;
  }

  const planCampaign = () =>
    planSendCampaign(db, {
      channelId: input.channelId,
      kind: input.kind,
      actor: input.actor,
      campaignId: input.campaignId,
      newCampaign: input.isTest ? null : input.newCampaign,
      variant: input.variant,
      explicitUnit: units?.[0],
      clients: input.clients ?? lineClientsFor(db),
      unitsAllowed: input.unitsAllowed,
    });
  let plan = await planCampaign();
  try {
    return await store(plan);
  } catch (err) {
    // Two sends naming the same new unit at once: the one that lost joins the campaign the other made.
    if (!units?.[0] || !isUniqueViolation(err)) throw err;
    plan = await planCampaign();
    return store(plan);
  }

  function store(plan: SendCampaignPlan) {
    return insertSend(db, {
      send: {
        id: randomUUID(),
        channelId: input.channelId,
        kind: input.kind,
        status: "queued",
        isTest: input.isTest ?? false,
        request,
        clientKey: clientKey ?? null,
        recipientCount,
        estimatedRecipients: input.estimatedRecipients ?? null,
        chunkCount: chunks.length,
        authorKind: input.actor.kind,
        authorId: input.actor.id,
        authorLabel: authorLabel(input.actor),
        sourceDraftId: input.sourceDraftId ?? null,
        replyToEventId: input.replyToEventId ?? null,
        campaignId: plan.campaignId,
        variant: input.variant ?? null,
        scheduleId: input.scheduleId ?? null,
        aggregationUnit: plan.unit,
      },
      chunks,
      campaign: plan.campaign,
      campaignUnit: plan.campaignUnit,
    });
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e.cause?.code ?? e.code) === "23505";
}
