import { z } from "zod";
import { custom, customCheck } from "@/lib/line/messages/common";
import { messagesSchema } from "@/lib/line/messages/message-schema";
import { countLeaves, demographicFilterSchema, limitSchema, recipientSchema } from "./narrowcast-schema";

// POST /api/messages/{push,multicast,broadcast,narrowcast}: the body LINE's API takes, plus our own
// optional retryKey (so a caller retrying a send to us is idempotent too) and the campaign the send is
// measured in: `campaignId` (an existing one) or else `campaignName` (the name of the campaign made for
// it; by default the start of its first message). Ours stay ours: LINE's requests are built field by
// field (lib/sends/line-request.ts) and never carry them.

const userId = z.string().regex(/^U[0-9a-f]{32}$/, customCheck("must be a user id (U followed by 32 hex digits)", "validation.userId"));
const chatId = z.string().regex(/^[UCR][0-9a-f]{32}$/, customCheck("must be a user, group or room id", "validation.chatId"));
const aggregationUnits = z
  .array(z.string().regex(/^[a-zA-Z0-9_]{1,30}$/))
  .max(1)
  .optional();

const common = {
  messages: messagesSchema,
  notificationDisabled: z.boolean().optional(),
  retryKey: z.string().uuid().optional(),
  campaignId: z.uuid(customCheck("must be a campaign id", "validation.campaignId")).optional(),
  campaignName: z.string().trim().min(1).max(100).optional(),
};

export const pushBodySchema = z.object({ ...common, to: chatId, customAggregationUnits: aggregationUnits }).strict();

/** Any number of recipients: the console sends them to LINE 500 at a time. */
export const MULTICAST_MAX_RECIPIENTS = 1_000_000;
/**
 * Recipients are either `to` (user ids) or `segmentId` (a saved segment, resolved to the friends it
 * matches when the send is made; the send records the segment and its size) — exactly one of them.
 */
export const multicastBodySchema = z
  .object({
    ...common,
    to: z.array(userId).min(1).max(MULTICAST_MAX_RECIPIENTS).optional(),
    segmentId: z.uuid(customCheck("must be a segment id", "validation.segmentId")).optional(),
    customAggregationUnits: aggregationUnits,
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.to === undefined) === (b.segmentId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["to"], ...custom("give either to (user ids) or segmentId, not both", "validation.toOrSegment") });
    }
  });

export const broadcastBodySchema = z.object(common).strict();

export const narrowcastBodySchema = z
  .object({
    ...common,
    recipient: recipientSchema.optional(),
    filter: z.object({ demographic: demographicFilterSchema }).optional(),
    limit: limitSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (countLeaves(b.recipient) > 10) {
      ctx.addIssue({
        code: "custom",
        path: ["recipient"],
        ...custom("at most 10 audiences and re-deliveries in all", "validation.recipientTooMany", { maximum: 10 }),
      });
    }
    if (countLeaves(b.filter?.demographic) > 10) {
      ctx.addIssue({
        code: "custom",
        path: ["filter", "demographic"],
        ...custom("at most 10 demographic conditions", "validation.filterTooMany", { maximum: 10 }),
      });
    }
  });

export const sendBodySchemas = {
  push: pushBodySchema,
  multicast: multicastBodySchema,
  broadcast: broadcastBodySchema,
  narrowcast: narrowcastBodySchema,
} as const;

export type SendKind = keyof typeof sendBodySchemas;
export type PushBody = z.infer<typeof pushBodySchema>;
export type MulticastBody = z.infer<typeof multicastBodySchema>;
export type BroadcastBody = z.infer<typeof broadcastBodySchema>;
export type NarrowcastBody = z.infer<typeof narrowcastBodySchema>;
export type SendBody = PushBody | MulticastBody | BroadcastBody | NarrowcastBody;
