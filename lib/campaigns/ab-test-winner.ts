import type { Db } from "@/db/client";
import { getCampaign, lockCampaign, sendsOfCampaigns, updateAbTest, type CampaignRow } from "@/db/queries/campaigns";
import type { Actor } from "@/lib/auth/require-actor";
import type { ClientsFor } from "@/lib/line/clients";
import { messagesSchema } from "@/lib/line/messages/message-schema";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { createSend } from "@/lib/sends/create-send";
import { unitAvailable, unitBudget } from "./aggregation-units";
import { restRecipients } from "./ab-test-audience";
import { abTestStateSchema, type AbTestState, type VariantLabel } from "./ab-test-schemas";

// The winner of an A/B test, sent once to the rest: the audience as it is now, without anyone a variant
// went to and without the holdout. Once only, whoever asks and however often: the campaign is locked
// while the winner is stored (a second request, on any instance, waits and then finds it sent), and the
// send's client key `ab:<campaign>:winner` is unique per channel besides.

export async function sendWinner(
  db: Db,
  params: { channelId: number; campaignId: string; variant: VariantLabel; actor: Actor; by: "person" | "auto"; clients: ClientsFor; now?: Date },
) {
  const campaign = await getCampaign(db, { channelId: params.channelId, id: params.campaignId });
  if (!campaign) throw notFound("Campaign");
  const state = abTestOf(campaign);
  if (state.winner) throw alreadySent(state);
  const variant = state.variants.find((v) => v.label === params.variant);
  if (!variant) throw noSuchVariant(params.variant);
  const variantSend = (await sendsOfCampaigns(db, { channelId: params.channelId, campaignIds: [campaign.id] })).find((s) => s.id === variant.sendId);
  const stored = messagesSchema.safeParse((variantSend?.request as { messages?: unknown } | undefined)?.messages);
  if (!stored.success) throw noSuchVariant(params.variant);
  const messages = stored.data;

  const rest = await restRecipients(db, { channelId: params.channelId, campaignId: campaign.id, state });
  if (rest.length === 0) throw nobodyLeft();
  // Asked before the transaction (LINE may take seconds to answer; nothing waits on a lock meanwhile).
  const unitsAllowed = unitAvailable(await unitBudget(db, { channelId: params.channelId, clients: params.clients }));

  return db.transaction(async (tx) => {
    const locked = await lockCampaign(tx, { channelId: params.channelId, id: campaign.id });
    const current = abTestOf(locked!);
    if (current.winner) throw alreadySent(current);
    const { send, created } = await createSend(tx, {
      channelId: params.channelId,
      kind: "multicast",
      body: { messages, to: rest, retryKey: winnerKey(campaign.id), ...(current.notificationDisabled ? { notificationDisabled: true } : {}) },
      actor: params.actor,
      campaignId: campaign.id,
      variant: "winner",
      sourceDraftId: variant.draftId ?? undefined,
      unitsAllowed,
      clients: params.clients,
    });
    if (!created) throw alreadySent(current);
    const next: AbTestState = {
      ...current,
      winner: { variant: params.variant, sendId: send.id, size: rest.length, at: (params.now ?? new Date()).toISOString(), by: params.by },
      needsPerson: null,
    };
    await updateAbTest(tx, { id: campaign.id, abTest: next, decideAt: null });
    return { send, state: next };
  });
}

/** The A/B test a campaign holds; 409 when it is another kind of campaign. */
export function abTestOf(campaign: CampaignRow): AbTestState {
  const parsed = campaign.kind === "ab_test" ? abTestStateSchema.safeParse(campaign.abTest) : null;
  if (!parsed?.success) throw new HttpError(409, "not_an_ab_test", "This campaign is not an A/B test");
  return parsed.data;
}

/** The send's client key: one winner per test, even from two instances at once. */
export function winnerKey(campaignId: string) {
  return `ab:${campaignId}:winner`;
}

function alreadySent(state: AbTestState) {
  return new HttpError(409, "winner_already_sent", `The winner (${state.winner?.variant ?? "?"}) has already been sent to the rest`);
}

function noSuchVariant(label: string) {
  return new HttpError(400, "invalid_request", `The request has 1 error(s): variant: this test has no variant ${label}`, [
    { property: "variant", message: `this test has no variant ${label}`, key: "validation.abNoSuchVariant", values: { label } },
  ]);
}

function nobodyLeft() {
  return new HttpError(409, "nobody_left", "Nobody is left to send the winner to: every friend of the audience got a variant or is held out");
}
