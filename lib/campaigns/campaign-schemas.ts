import { z } from "zod";
import { storableDate } from "@/lib/utils/storable-date";

// GET /api/campaigns (a page of campaigns, newest first) and /api/campaigns/:id.

export const listCampaignsQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const m = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
        const createdAt = m ? storableDate(Number(m[1])) : null;
        if (!m || !createdAt) {
          ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
          return z.NEVER;
        }
        return { createdAt, id: m[2]! };
      })
      .optional(),
  })
  .strict();

export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export function encodeCampaignCursor(c: { createdAt: Date; id: string }) {
  return Buffer.from(`${c.createdAt.getTime()}.${c.id}`).toString("base64url");
}

/** `/api/campaigns/:id`: a campaign's id (ours are UUIDs; any plain id is looked up, and 404s if not there). */
export const campaignParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a campaign id") });
