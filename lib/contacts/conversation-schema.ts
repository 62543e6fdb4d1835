import { z } from "zod";

/** GET /api/contacts/:userId/conversation and /api/chats/:chatId/conversation. */
export const conversationQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number("must be a number").int().min(1, "must be at least 1").max(100, "must be at most 100").default(30),
  })
  .strict();
