import { z } from "zod";
import { storableDate } from "@/lib/utils/storable-date";

const boolParam = z.enum(["true", "false"], "must be true or false").transform((v) => v === "true");

export const listDeliveriesQuerySchema = z
  .object({
    rejected: boolParam.optional(),
    verify: boolParam.optional(),
    limit: z.coerce.number("must be a number").int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const m = /^(\d{1,16})\.([0-9A-HJKMNP-TV-Z]{26})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
        const receivedAt = m ? storableDate(Number(m[1])) : null;
        if (!m || !receivedAt) {
          ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
          return z.NEVER;
        }
        return { receivedAt, id: m[2]! };
      })
      .optional(),
  })
  .strict();

export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

export function encodeDeliveryCursor(c: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${c.receivedAt.getTime()}.${c.id}`).toString("base64url");
}
