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
