import { and, asc, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns } from "@/db/schema/campaigns";
import { sendChunks, sends } from "@/db/schema/sends";

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

// — A/B tests —

/** The user ids the variant sends of an A/B test went to: every request's recipients (the winner's excluded). */
export async function variantRecipientIds(db: Db, params: { channelId: number; campaignId: string }): Promise<string[]> {
  const result = await db.execute(sql`
    select distinct unnest(c.recipients) as user_id from ${sendChunks} c join ${sends} s on s.id = c.send_id
    where s.channel_id = ${params.channelId} and s.campaign_id = ${params.campaignId}
      and s.variant is not null and s.variant <> 'winner'`);
  return (result as unknown as { rows: Array<{ user_id: string }> }).rows.map((r) => r.user_id);
}

/** The campaign, locked until the transaction ends (a second winner waits, then sees the first). */
export async function lockCampaign(db: Db, params: { channelId: number; id: string }): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.channelId, params.channelId), eq(campaigns.id, params.id)))
    .for("update");
  return row;
}

/** Store an A/B test's state; `decideAt` null takes it off the automatic decision's queue. */
export async function updateAbTest(db: Db, params: { id: string; abTest: unknown; decideAt?: Date | null }) {
  await db
    .update(campaigns)
    .set({
      abTest: params.abTest,
      updatedAt: new Date(),
      ...(params.decideAt !== undefined ? { decideAt: params.decideAt, decideLockedUntil: null } : {}),
    })
    .where(eq(campaigns.id, params.id));
}

/**
 * Lease up to `limit` A/B tests whose winner is due to be picked (decide_at passed), FOR UPDATE SKIP
 * LOCKED and then a lease: with several instances one test is decided by one of them; a lease that runs
 * out (the instance died) makes it due again.
 */
export async function claimDueDecisions(db: Db, params: { limit: number; leaseMs: number }): Promise<CampaignRow[]> {
  const result = await db.execute(sql`
    with due as (
      select id from ${campaigns}
      where decide_at is not null and decide_at <= now() and (decide_locked_until is null or decide_locked_until < now())
      order by decide_at limit ${params.limit}
      for update skip locked
    )
    update ${campaigns} c set decide_locked_until = now() + ${`${params.leaseMs} milliseconds`}::interval
    from due where c.id = due.id
    returning c.id`);
  const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(campaigns).where(inArray(campaigns.id, ids));
}

/** Look again at `at` (the figures were not fresh yet): the lease is kept until then. */
export async function postponeDecision(db: Db, params: { id: string; at: Date }) {
  await db.update(campaigns).set({ decideLockedUntil: params.at }).where(eq(campaigns.id, params.id));
}
