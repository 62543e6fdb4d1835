import { z } from "zod";
import { AREA_CODES } from "@/lib/line/areas";
import { custom } from "@/lib/line/messages/common";

// Narrowcast targeting, as LINE takes it: a recipient tree (audiences, re-delivery to an earlier
// narrowcast's recipients, and AND/OR/NOT over them) and a demographic filter tree, each operator
// holding exactly one of and/or/not. LINE allows at most 10 audience+redelivery objects and 10
// demographic filter objects per request.

export const AGE_BUCKETS = ["age_15", "age_20", "age_25", "age_30", "age_35", "age_40", "age_45", "age_50", "age_55", "age_60", "age_65", "age_70"] as const;
export const SUBSCRIPTION_BUCKETS = ["day_7", "day_30", "day_90", "day_180", "day_365"] as const;

const range = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .object({ gte: z.enum(values).optional(), lt: z.enum(values).optional() })
    .refine((r) => r.gte || r.lt, custom("give a lower or an upper bound", "validation.rangeEmpty"))
    .refine(
      (r) => !r.gte || !r.lt || values.indexOf(r.gte) < values.indexOf(r.lt),
      custom("the lower bound must be below the upper one", "validation.rangeOrder"),
    );

const ageFilter = z.object({ type: z.literal("age") }).and(range(AGE_BUCKETS));
const periodFilter = z.object({ type: z.literal("subscriptionPeriod") }).and(range(SUBSCRIPTION_BUCKETS));
const genderFilter = z.object({ type: z.literal("gender"), oneOf: z.array(z.enum(["male", "female"])).min(1) });
const appTypeFilter = z.object({ type: z.literal("appType"), oneOf: z.array(z.enum(["ios", "android"])).min(1) });
const areaFilter = z.object({ type: z.literal("area"), oneOf: z.array(z.enum(AREA_CODES)).min(1) });

export type DemographicFilter =
  | z.infer<typeof genderFilter>
  | z.infer<typeof appTypeFilter>
  | z.infer<typeof areaFilter>
  | z.infer<typeof ageFilter>
  | z.infer<typeof periodFilter>
  | { type: "operator"; and?: DemographicFilter[]; or?: DemographicFilter[]; not?: DemographicFilter };

export const demographicFilterSchema: z.ZodType<DemographicFilter> = z.lazy(() =>
  z.union([genderFilter, appTypeFilter, areaFilter, ageFilter, periodFilter, operator(demographicFilterSchema)]),
);

export type Recipient =
  | { type: "audience"; audienceGroupId: number }
  | { type: "redelivery"; requestId: string }
  | { type: "operator"; and?: Recipient[]; or?: Recipient[]; not?: Recipient };

export const recipientSchema: z.ZodType<Recipient> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("audience"), audienceGroupId: z.number().int().positive() }),
    z.object({ type: z.literal("redelivery"), requestId: z.string().uuid() }),
    operator(recipientSchema),
  ]),
);

export const limitSchema = z
  .object({
    max: z.number().int().min(1).optional(),
    upToRemainingQuota: z.boolean().optional(),
    forbidPartialDelivery: z.boolean().optional(),
  })
  .refine(
    (l) => !l.forbidPartialDelivery || l.upToRemainingQuota,
    custom("forbidPartialDelivery needs upToRemainingQuota", "validation.forbidPartialNeedsQuota"),
  );

/** Objects LINE counts against its limits (10 audiences+redeliveries, 10 demographic filters). */
export function countLeaves(tree: Recipient | DemographicFilter | undefined): number {
  if (!tree) return 0;
  if (tree.type !== "operator") return 1;
  return [...(tree.and ?? []), ...(tree.or ?? []), ...(tree.not ? [tree.not] : [])].reduce((n, t) => n + countLeaves(t as never), 0);
}

function operator<T>(inner: z.ZodType<T>) {
  return z
    .object({ type: z.literal("operator"), and: z.array(inner).min(1).optional(), or: z.array(inner).min(1).optional(), not: inner.optional() })
    .refine(
      (o) => [o.and, o.or, o.not].filter((x) => x !== undefined).length === 1,
      custom("an operator holds exactly one of and, or, not", "validation.operatorOne"),
    );
}
