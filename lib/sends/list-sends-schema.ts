import { z } from "zod";
import { SEND_KINDS, SEND_STATUSES } from "@/db/schema/sends";
import { dateParam } from "@/lib/platform/http/date-params";
import { storableDate } from "@/lib/utils/storable-date";

export const listSendsQuerySchema = z
  .object({
    kind: z.enum(SEND_KINDS).optional(),
    status: z.enum(SEND_STATUSES).optional(),
    author: z.string().max(64).optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    tests: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const m = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
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

export type ListSendsQuery = z.infer<typeof listSendsQuerySchema>;

export function encodeSendCursor(s: { createdAt: Date; id: string }) {
  return Buffer.from(`${s.createdAt.getTime()}.${s.id}`).toString("base64url");
}
