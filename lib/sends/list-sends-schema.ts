import { z } from "zod";
import { SEND_KINDS, SEND_STATUSES } from "@/db/schema/sends";
import { dateParam } from "@/lib/platform/http/date-params";
import { encodeTimeIdCursor, timeIdCursorSchema } from "@/lib/platform/http/time-id-cursor";

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
    cursor: timeIdCursorSchema("[0-9a-f-]{36}")
      .transform((c) => ({ createdAt: c.at, id: c.id }))
      .optional(),
  })
  .strict();

export type ListSendsQuery = z.infer<typeof listSendsQuerySchema>;

export function encodeSendCursor(s: { createdAt: Date; id: string }) {
  return encodeTimeIdCursor(s.createdAt, s.id);
}
