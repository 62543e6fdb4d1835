import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { campaigns } from "@/db/schema/campaigns";

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
