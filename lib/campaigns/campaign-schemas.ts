import { z } from "zod";
import { encodeTimeIdCursor, timeIdCursorSchema } from "@/lib/platform/http/time-id-cursor";

// GET /api/campaigns (a page of campaigns, newest first) and /api/campaigns/:id.

export const listCampaignsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    cursor: timeIdCursorSchema("[A-Za-z0-9_-]{1,64}")
      .transform((c) => ({ createdAt: c.at, id: c.id }))
      .optional(),
  })
  .strict();

export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export function encodeCampaignCursor(c: { createdAt: Date; id: string }) {
  return encodeTimeIdCursor(c.createdAt, c.id);
}

/** `/api/campaigns/:id`: a campaign's id (ours are UUIDs; any plain id is looked up, and 404s if not there). */
export const campaignParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a campaign id") });
