import { z } from "zod";
import { SEND_KINDS, SEND_STATUSES } from "@/db/schema/messages";

export const listSendsQuerySchema = z
  .object({
    kind: z.enum(SEND_KINDS).optional(),
    status: z.enum(SEND_STATUSES).optional(),
    author: z.string().max(64).optional(),
    from: z.coerce.date("must be a date").optional(),
    to: z.coerce.date("must be a date").optional(),
    tests: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const m = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(s, "base64url").toString("utf8"));
        if (!m) {
          ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
          return z.NEVER;
        }
        return { createdAt: new Date(Number(m[1])), id: m[2]! };
      })
      .optional(),
  })
  .strict();

export function encodeSendCursor(s: { createdAt: Date; id: string }) {
  return Buffer.from(`${s.createdAt.getTime()}.${s.id}`).toString("base64url");
}
