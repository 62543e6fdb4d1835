import { and, asc, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns } from "@/db/schema/campaigns";
import { sends } from "@/db/schema/sends";

export type CampaignRow = typeof campaigns.$inferSelect;
export type NewCampaign = typeof campaigns.$inferInsert;

export async function insertCampaign(db: Db, params: NewCampaign): Promise<CampaignRow> {
  const [row] = await db.insert(campaigns).values(params).returning();
  return row!;
}

export async function getCampaign(db: Db, params: { channelId: number; id: string }): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.channelId, params.channelId), eq(campaigns.id, params.id)));
  return row;
}

// — statistics —
// Campaigns as statistics see them: their aggregation units and the month's budget of units, and the
// list and page of campaigns with their sends (lib/campaigns reads these).

/** The campaign of this channel already measured with `unit` (a send naming a unit joins it). */
export async function findCampaignByUnit(db: Db, params: { channelId: number; unit: string }): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.channelId, params.channelId), eq(campaigns.aggregationUnit, params.unit)));
  return row;
}

/**
 * How many aggregation units this channel's campaigns take from LINE's budget of `month` (UTC+9,
 * `yyyyMM`): each campaign's unit taken that month, and any other unit its sends carried (an A/B test's
 * variants each have one).
 */
export async function countUnitsOfMonth(db: Db, params: { channelId: number; month: string; monthStart: Date }): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from (
      select aggregation_unit from ${campaigns}
      where channel_id = ${params.channelId} and unit_month = ${params.month} and aggregation_unit is not null
      union
      select s.aggregation_unit from ${sends} s join ${campaigns} c on c.id = s.campaign_id
      where c.channel_id = ${params.channelId} and c.unit_month = ${params.month}
        and s.aggregation_unit is not null and s.created_at >= ${params.monthStart.toISOString()}::timestamptz
    ) u`);
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0;
}

/** Whether a send of the campaign carried `unit` since `since` (a variant's unit is then counted this month). */
export async function sendUsesUnit(db: Db, params: { campaignId: string; unit: string; since: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: sends.id })
    .from(sends)
    .where(and(eq(sends.campaignId, params.campaignId), eq(sends.aggregationUnit, params.unit), gte(sends.createdAt, params.since)))
    .limit(1);
  return Boolean(row);
}

/**
 * LINE refused the unit (its monthly budget was spent elsewhere): the campaign goes unmeasured this month
 * and the send's remaining requests go without it.
 */
export async function dropAggregationUnit(db: Db, params: { sendId: string; campaignId: string | null; unit: string }) {
  await db.transaction(async (tx) => {
    await tx
      .update(sends)
      .set({ aggregationUnit: null })
      .where(and(eq(sends.id, params.sendId), eq(sends.aggregationUnit, params.unit)));
    if (params.campaignId) {
      await tx
        .update(campaigns)
        .set({ aggregationUnit: null, unitMonth: null, updatedAt: new Date() })
        .where(and(eq(campaigns.id, params.campaignId), eq(campaigns.aggregationUnit, params.unit)));
    }
  });
}

/** A channel's campaigns, newest first (keyset on created_at, id). */
export async function listCampaigns(
  db: Db,
  params: { channelId: number; limit: number; cursor?: { createdAt: Date; id: string } },
): Promise<{ items: CampaignRow[]; hasMore: boolean }> {
  const c: SQL[] = [eq(campaigns.channelId, params.channelId)];
  if (params.cursor) c.push(sql`(${campaigns.createdAt}, ${campaigns.id}) < (${params.cursor.createdAt.toISOString()}::timestamptz, ${params.cursor.id})`);
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(...c))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(params.limit + 1);
  return { items: rows.slice(0, params.limit), hasMore: rows.length > params.limit };
}

/** The sends of some campaigns (of this channel), oldest first. */
export async function sendsOfCampaigns(db: Db, params: { channelId: number; campaignIds: string[] }) {
  if (params.campaignIds.length === 0) return [];
  return db
    .select()
    .from(sends)
    .where(and(eq(sends.channelId, params.channelId), inArray(sends.campaignId, params.campaignIds)))
    .orderBy(asc(sends.createdAt), asc(sends.id));
}

// --- Scheduled sends (lib/campaigns/create-schedule.ts): a schedule's campaign follows its title and repeat.

/** Rename a campaign, or change its kind (a schedule made recurring, or one-off again). */
export async function updateCampaign(
  db: Db,
  params: { channelId: number; id: string; name?: string; kind?: CampaignRow["kind"] },
): Promise<CampaignRow | undefined> {
  const set: Partial<NewCampaign> = {};
  if (params.name !== undefined) set.name = params.name;
  if (params.kind !== undefined) set.kind = params.kind;
  if (Object.keys(set).length === 0) return getCampaign(db, params);
  const [row] = await db
    .update(campaigns)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(campaigns.channelId, params.channelId), eq(campaigns.id, params.id)))
    .returning();
  return row;
}
