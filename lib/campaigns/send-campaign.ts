import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { findCampaignByUnit, getCampaign, sendUsesUnit, type NewCampaign } from "@/db/queries/campaigns";
import type { Actor } from "@/lib/auth/require-actor";
import type { ClientsFor } from "@/lib/line/clients";
import { lineMonth, lineMonthStart } from "@/lib/line/line-dates";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { campaignUnitName, unitAvailable, unitBudget } from "./aggregation-units";
import { authorLabel } from "@/lib/sends/author";

// Which campaign a send is measured in, and the aggregation unit its requests carry. A send from the
// composer or the API belongs to the campaign it names, or to a campaign of its own ("single") made
// with it; replies, test sends and a conversation's pushes belong to none.

export interface SendCampaignInput {
  channelId: number;
  kind: "push" | "multicast" | "broadcast" | "narrowcast" | "reply";
  actor: Actor;
  /** An existing campaign of the channel. */
  campaignId?: string | null;
  /** Or a new campaign of kind "single" with this name, made with the send. */
  newCampaign?: { name: string } | null;
  variant?: string | null;
  /** A unit the caller named itself (customAggregationUnits): the campaign is measured with it. */
  explicitUnit?: string | null;
  clients: ClientsFor;
  /** Decided by the caller (see CreateSendInput.unitsAllowed): LINE's budget is not asked then. */
  unitsAllowed?: boolean;
  now?: Date;
}

export interface SendCampaignPlan {
  campaignId: string | null;
  /** A campaign to store with the send (same transaction). */
  campaign?: NewCampaign;
  /** An existing campaign takes this unit with the send. */
  campaignUnit?: { id: string; unit: string; month: string };
  /** The unit the send's requests carry (null: none, or the month's budget is spent). */
  unit: string | null;
}

export async function planSendCampaign(db: Db, input: SendCampaignInput): Promise<SendCampaignPlan> {
  const now = input.now ?? new Date();
  const month = lineMonth(now);
  const measuredByUnit = input.kind === "push" || input.kind === "multicast";
  let campaignId = input.campaignId ?? null;
  let existing = campaignId ? await getCampaign(db, { channelId: input.channelId, id: campaignId }) : undefined;
  if (campaignId && !existing) throw notFound("Campaign");

  // A send naming its own unit joins the campaign already measured with it (LINE adds them up anyway).
  const explicit = measuredByUnit ? (input.explicitUnit ?? null) : null;
  if (explicit) {
    const owner = await findCampaignByUnit(db, { channelId: input.channelId, unit: explicit });
    if (existing && owner && owner.id !== existing.id) throw unitTaken(explicit);
    if (existing?.aggregationUnit && existing.aggregationUnit !== explicit) throw unitTaken(explicit);
    if (!existing && owner) ({ campaignId, existing } = { campaignId: owner.id, existing: owner });
  }

  if (!existing) {
    if (!input.newCampaign) return { campaignId: null, unit: explicit };
    const id = randomUUID();
    const unit = explicit ?? (measuredByUnit && (await budgetAllows(db, input, now)) ? campaignUnitName(id, input.variant) : null);
    return {
      campaignId: id,
      campaign: {
        id,
        channelId: input.channelId,
        name: input.newCampaign.name,
        kind: "single",
        aggregationUnit: explicit ?? (unit ? campaignUnitName(id) : null),
        unitMonth: unit ? month : null,
        authorKind: input.actor.kind,
        authorId: input.actor.id,
        authorLabel: authorLabel(input.actor),
      },
      unit,
    };
  }

  if (!measuredByUnit) return { campaignId: existing.id, unit: null };
  if (explicit) return { campaignId: existing.id, unit: explicit, campaignUnit: { id: existing.id, unit: explicit, month } };
  const unit = existing.aggregationUnit && !input.variant ? existing.aggregationUnit : campaignUnitName(existing.id, input.variant);
  // Already counted this month (taken for this month, or carried by a send of it this month): free.
  const counted = input.variant
    ? await sendUsesUnit(db, { campaignId: existing.id, unit, since: lineMonthStart(now) })
    : existing.aggregationUnit === unit && existing.unitMonth === month;
  if (!counted && !(await budgetAllows(db, input, now))) return { campaignId: existing.id, unit: null };
  const base = existing.aggregationUnit ?? campaignUnitName(existing.id);
  return { campaignId: existing.id, unit, campaignUnit: { id: existing.id, unit: base, month } };
}

/** A campaign's default name: the start of its first message (or what kind of message it is). */
export function campaignNameFor(messages: unknown[]): string {
  const first = messages[0] as { type?: string; text?: string; altText?: string } | undefined;
  const lead = (first?.text ?? first?.altText ?? `${first?.type ?? "text"} message`).replace(/\s+/g, " ").trim();
  return lead.length > 60 ? `${lead.slice(0, 59)}…` : lead || "Message";
}

async function budgetAllows(db: Db, input: SendCampaignInput, now: Date) {
  if (input.unitsAllowed !== undefined) return input.unitsAllowed;
  return unitAvailable(await unitBudget(db, { channelId: input.channelId, clients: input.clients, now }));
}

function unitTaken(unit: string) {
  return new HttpError(
    409,
    "aggregation_unit_taken",
    `The aggregation unit ${unit} measures another campaign: leave customAggregationUnits out, or send in that campaign`,
    [{ property: "customAggregationUnits", message: "measures another campaign", key: "validation.unitOfOtherCampaign" }],
  );
}
