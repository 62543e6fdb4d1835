import { z } from "zod";
import { custom, customCheck } from "@/lib/line/messages/common";
import { broadcastBodySchema } from "@/lib/sends/send-schemas";

// A/B tests: POST /api/campaigns/ab-tests (the form checks the same schema as the operator fills it in),
// POST /api/campaigns/:id/winner, and what the campaign keeps of the test (campaigns.ab_test).

export const VARIANT_LABELS = ["A", "B", "C", "D"] as const;
export type VariantLabel = (typeof VARIANT_LABELS)[number];
export const AB_METRICS = ["open", "click"] as const;
export type AbMetric = (typeof AB_METRICS)[number];

/** LINE keeps a send's statistics 14 days: a decision later than that would have no figures to go by. */
export const DECIDE_WITHIN_MS = 14 * 86_400_000;
export const MAX_HOLDOUT_PERCENT = 50;

const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }).strict(),
  z.object({ kind: z.literal("segment"), segmentId: z.uuid(customCheck("must be a segment id", "validation.segmentId")) }).strict(),
]);
export type AbAudience = z.infer<typeof audienceSchema>;

// The composer's message schema (the same as every send route's).
const messages = broadcastBodySchema.shape.messages;

const variantSchema = z
  .object({
    label: z.enum(VARIANT_LABELS),
    draftId: z.uuid(customCheck("must be a draft id", "validation.draftId")).optional(),
    messages: messages.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.draftId === undefined) === (v.messages === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["messages"],
        ...custom("give either draftId (a saved draft) or messages, not both", "validation.abVariantSource"),
      });
    }
  });

export const createAbTestBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    audience: audienceSchema,
    variants: z.array(variantSchema).min(2).max(4),
    /** Each variant's share of the audience, in per cent. */
    sharePercent: z.number().min(1).max(50),
    /** Friends who get nothing, to compare with (per cent of the audience). */
    holdoutPercent: z.number().min(0).max(MAX_HOLDOUT_PERCENT).default(0),
    decideAt: z.iso.datetime({ offset: true }),
    metric: z.enum(AB_METRICS),
    autoSendWinner: z.boolean().default(false),
    notificationDisabled: z.boolean().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    b.variants.forEach((v, i) => {
      if (v.label !== VARIANT_LABELS[i]) {
        ctx.addIssue({
          code: "custom",
          path: ["variants", i, "label"],
          ...custom(`must be ${VARIANT_LABELS[i]}: variants are labelled A, B, C, D in order`, "validation.abVariantLabel", { label: VARIANT_LABELS[i]! }),
        });
      }
    });
    const total = b.variants.length * b.sharePercent + b.holdoutPercent;
    if (total > 100 + 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: ["sharePercent"],
        ...custom("the variants' shares and the holdout add up to more than 100 %", "validation.abSharesOver", { total: Math.round(total * 10) / 10 }),
      });
    }
    const at = Date.parse(b.decideAt);
    if (at <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["decideAt"], ...custom("must be in the future", "validation.abDecideAtPast") });
    } else if (at > Date.now() + DECIDE_WITHIN_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["decideAt"],
        ...custom("must be within 14 days: LINE keeps a send's statistics that long", "validation.abDecideAtTooLate", { days: 14 }),
      });
    }
  });

export type CreateAbTestBody = z.infer<typeof createAbTestBodySchema>;
export type CreateAbTestInput = z.input<typeof createAbTestBodySchema>;

export const winnerBodySchema = z.object({ variant: z.enum(VARIANT_LABELS) }).strict();

/** Why the automatic decision was left to a person (the campaign page says so). */
export const NEEDS_PERSON_REASONS = ["hidden", "tie", "not_measured", "statistics_unavailable", "nobody_left"] as const;
export type NeedsPersonReason = (typeof NEEDS_PERSON_REASONS)[number];

/** campaigns.ab_test: the test as made (its config, seed and sizes), and how it was decided. */
export const abTestStateSchema = z.object({
  version: z.literal(1),
  /** Orders the audience and picks the holdout (lib/campaigns/ab-test-split.ts): the same seed, the same split. */
  seed: z.string(),
  audience: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("segment"), segmentId: z.string(), segmentName: z.string() }),
  ]),
  metric: z.enum(AB_METRICS),
  autoSendWinner: z.boolean(),
  notificationDisabled: z.boolean().optional(),
  sharePercent: z.number(),
  holdoutPercent: z.number(),
  decideAt: z.string(),
  /** The audience when the test was made, and how it was split. */
  audienceSize: z.number(),
  holdoutSize: z.number(),
  restSize: z.number(),
  variants: z.array(z.object({ label: z.enum(VARIANT_LABELS), sendId: z.string(), size: z.number(), draftId: z.string().nullable() })),
  winner: z
    .object({
      variant: z.enum(VARIANT_LABELS),
      sendId: z.string(),
      size: z.number(),
      at: z.string(),
      by: z.enum(["person", "auto"]),
    })
    .nullable(),
  needsPerson: z.object({ reason: z.enum(NEEDS_PERSON_REASONS), at: z.string() }).nullable(),
});

export type AbTestState = z.infer<typeof abTestStateSchema>;
