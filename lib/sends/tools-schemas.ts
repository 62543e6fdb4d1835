import { z } from "zod";
import { messagesSchema } from "@/lib/line/messages/message-schema";
import { demographicFilterSchema, limitSchema, recipientSchema } from "@/lib/sends/narrowcast-schema";

export const validateBodySchema = z.object({ kind: z.enum(["push", "multicast", "broadcast", "narrowcast", "reply"]), messages: messagesSchema }).strict();

export const testSendBodySchema = z
  .object({
    messages: messagesSchema,
    notificationDisabled: z.boolean().optional(),
    sourceKind: z.enum(["push", "multicast", "broadcast", "narrowcast"]).optional(),
  })
  .strict();

export const estimateBodySchema = z
  .object({
    recipient: recipientSchema.optional(),
    filter: z.object({ demographic: demographicFilterSchema }).optional(),
    limit: limitSchema.optional(),
  })
  .strict();

export const replyBodySchema = z.object({ messages: messagesSchema, notificationDisabled: z.boolean().optional() }).strict();

/**
 * POST /api/contacts/:userId/messages and /api/chats/:chatId/messages: answer from the conversation.
 * `allowPush` is the operator's consent to a push when no reply token can be used; `retryKey` makes a
 * repeated request answer the send already made.
 */
export const conversationSendBodySchema = z
  .object({ messages: messagesSchema, notificationDisabled: z.boolean().optional(), retryKey: z.uuid().optional(), allowPush: z.boolean().optional() })
  .strict();

export const testRecipientBodySchema = z
  .object({ userId: z.string().regex(/^U[0-9a-f]{32}$/, "must be a user id"), label: z.string().trim().min(1).max(60) })
  .strict();

// The composer's form: the label may be left empty, and the user id's start names the recipient then.
export const testRecipientFormSchema = z
  .object({ userId: z.string().trim(), label: z.string().trim() })
  .transform((v) => ({ userId: v.userId, label: v.label || v.userId.slice(0, 9) }))
  .pipe(testRecipientBodySchema);

export const draftBodySchema = z
  .object({
    kind: z.enum(["push", "multicast", "broadcast", "narrowcast"]),
    title: z.string().trim().max(120).default(""),
    // A draft may be unfinished: its body is checked when it is sent, not when it is saved.
    body: z.record(z.string(), z.unknown()).refine((b) => JSON.stringify(b).length <= 2_000_000, "is too large (2 MB)"),
    // true: the member's one working draft (autosave); false: keep it (named, or "Save draft" pressed).
    working: z.boolean().optional(),
  })
  .strict();
