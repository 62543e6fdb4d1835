import { z } from "zod";

/** GET /api/contacts/:userId/conversation and /api/chats/:chatId/conversation. */
export const conversationQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number("must be a number").int().min(1, "must be at least 1").max(100, "must be at most 100").default(30),
  })
  .strict();

export type ConversationQuery = z.infer<typeof conversationQuerySchema>;

/** GET /api/chats: by name or id, most recently active first. */
export const listChatsQuerySchema = z
  .object({ q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) })
  .strict();
