import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertCampaign, updateAbTest } from "@/db/queries/campaigns";
import { getDraft } from "@/db/queries/drafts";
import type { Actor } from "@/lib/auth/require-actor";
import { assertChannelSends } from "@/lib/channel/credentials";
import type { ClientsFor } from "@/lib/line/clients";
import { messagesSchema, type Message } from "@/lib/line/messages/message-schema";
import { HttpError } from "@/lib/platform/http/errors";
import { createSend } from "@/lib/sends/create-send";
import { UNIT_RESERVE, unitBudget } from "./aggregation-units";
import { audienceIds } from "./ab-test-audience";
import type { AbTestState, CreateAbTestBody } from "./ab-test-schemas";
import { newSeed, splitAudience } from "./ab-test-split";
import { authorLabel } from "@/lib/sends/author";

// An A/B test made: its audience read now and split (seeded, disjoint shares, a stable holdout), and
// each variant stored as one multicast of the test's campaign — its requests of 500 all carrying the
// variant's own aggregation unit, so LINE counts each variant apart. Everything is checked before
// anything is stored, and the campaign and its variant sends are stored in one transaction: the
// workers see all of the test or none of it.

export async function createAbTest(db: Db, params: { channelId: number; actor: Actor; body: CreateAbTestBody; clients: ClientsFor; now?: Date }) {
  const { channelId, body } = params;
  const now = params.now ?? new Date();
  await assertChannelSends(db, channelId);
  const messages = await variantMessages(db, channelId, body.variants);
  const { ids, segmentName } = await audienceIds(db, { channelId, audience: body.audience });
  const seed = newSeed();
  const split = splitAudience({ seed, userIds: ids, variants: body.variants.length, sharePercent: body.sharePercent, holdoutPercent: body.holdoutPercent });
  if (split.variants.some((v) => v.length === 0)) throw audienceTooSmall(ids.length);

  // A test is worth nothing unless every variant is measured: its units (one per variant, the campaign's
  // own, the winner's) are taken from the month's budget at once, or the test is not made.
  const budget = await unitBudget(db, { channelId, clients: params.clients, now });
  const needed = body.variants.length + 2;
  if (budget.limit - budget.used - needed < UNIT_RESERVE) throw unitsUsedUp(budget.limit - budget.used - UNIT_RESERVE, needed);

  const id = randomUUID();
  const state: AbTestState = {
    version: 1,
    seed,
    audience: body.audience.kind === "segment" ? { kind: "segment", segmentId: body.audience.segmentId, segmentName: segmentName ?? "" } : { kind: "all" },
    metric: body.metric,
    autoSendWinner: body.autoSendWinner,
    ...(body.notificationDisabled !== undefined ? { notificationDisabled: body.notificationDisabled } : {}),
    sharePercent: body.sharePercent,
    holdoutPercent: body.holdoutPercent,
    decideAt: new Date(body.decideAt).toISOString(),
    audienceSize: ids.length,
    holdoutSize: split.holdout.length,
    restSize: split.rest.length,
    variants: [],
    winner: null,
    needsPerson: null,
  };
  await db.transaction(async (tx) => {
    await insertCampaign(tx, {
      id,
      channelId,
      name: body.name,
      kind: "ab_test",
      abTest: state,
      // Only a test that sends its winner by itself is on the decision's queue.
      decideAt: body.autoSendWinner ? new Date(body.decideAt) : null,
      authorKind: params.actor.kind,
      authorId: params.actor.id,
      authorLabel: authorLabel(params.actor),
    });
    for (const [i, v] of body.variants.entries()) {
      const { send } = await createSend(tx, {
        channelId,
        kind: "multicast",
        body: { messages: messages[i]!, to: split.variants[i]!, ...(body.notificationDisabled ? { notificationDisabled: true } : {}) },
        actor: params.actor,
        campaignId: id,
        variant: v.label,
        sourceDraftId: v.draftId,
        unitsAllowed: true,
        clients: params.clients,
      });
      state.variants.push({ label: v.label, sendId: send.id, size: split.variants[i]!.length, draftId: v.draftId ?? null });
    }
    await updateAbTest(tx, { id, abTest: state });
  });
  return { id, name: body.name, state };
}

/** Each variant's messages: typed in, or a saved draft's (which must still be there and valid). */
async function variantMessages(db: Db, channelId: number, variants: CreateAbTestBody["variants"]): Promise<Message[][]> {
  const out: Message[][] = [];
  const problems: Array<{ property: string; message: string; key: string }> = [];
  for (const [i, v] of variants.entries()) {
    if (v.messages) {
      out.push(v.messages);
      continue;
    }
    const draft = await getDraft(db, { channelId, id: v.draftId! });
    const parsed = draft ? messagesSchema.safeParse((draft.body as { messages?: unknown }).messages) : null;
    if (!draft) problems.push({ property: `variants[${i}].draftId`, message: "no such draft", key: "validation.draftNotFound" });
    else if (!parsed?.success) {
      problems.push({
        property: `variants[${i}].draftId`,
        message: "the draft's messages are not ready to send: finish it in the composer",
        key: "validation.draftNotReady",
      });
    } else out.push(parsed.data);
  }
  if (problems.length) {
    throw new HttpError(
      400,
      "invalid_request",
      `The request has ${problems.length} error(s): ${problems.map((p) => `${p.property}: ${p.message}`).join("; ")}`,
      problems,
    );
  }
  return out;
}

function audienceTooSmall(size: number) {
  const message = `the audience (${size} friends now) is too small: each variant's share would be nobody`;
  return new HttpError(400, "invalid_request", `The request has 1 error(s): audience: ${message}`, [
    { property: "audience", message, key: "validation.abAudienceTooSmall", values: { size } },
  ]);
}

function unitsUsedUp(left: number, needed: number) {
  return new HttpError(
    409,
    "aggregation_units_used_up",
    `An A/B test needs ${needed} aggregation units (one per variant, the campaign's and the winner's) and ${Math.max(0, left)} are left this month: its variants could not be measured`,
  );
}
