import { z } from "zod";

// One schema per resource, shared by the Settings → Relay form and the API.

export const RELAY_SOURCE_TYPES = ["user", "group", "room"] as const;
export const RELAY_MODES = ["active", "standby"] as const;

// LINE's event types today; a filter may name types LINE adds later too.
export const KNOWN_EVENT_TYPES = [
  "message",
  "unsend",
  "follow",
  "unfollow",
  "join",
  "leave",
  "memberJoined",
  "memberLeft",
  "postback",
  "videoPlayComplete",
  "beacon",
  "accountLink",
  "things",
  "membership",
  "module",
  "activated",
  "deactivated",
  "botSuspended",
  "botResumed",
] as const;

const name = z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters");
const url = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2,000 characters");
const secret = z.string().trim().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters");
const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(40)
    .nullable()
    .transform((v) => (v && v.length ? [...new Set(v)] : null));

const fields = {
  name,
  url,
  enabled: z.boolean(),
  signing: z.enum(["line", "own"]),
  /** Only with signing "own"; left out when editing keeps the one stored. */
  secret: secret.optional(),
  eventTypes: list(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, "must be an event type such as message"),
  ),
  sourceTypes: list(z.enum(RELAY_SOURCE_TYPES)),
  modes: list(z.enum(RELAY_MODES)),
  unseenOnly: z.boolean(),
  timeoutMs: z.number().int().min(1000, "must be at least 1 s").max(30_000, "must be at most 30 s"),
};

export const relayDestinationSchema = z
  .object({
    ...fields,
    enabled: fields.enabled.default(true),
    signing: fields.signing.default("line"),
    eventTypes: fields.eventTypes.default(null),
    sourceTypes: fields.sourceTypes.default(null),
    modes: fields.modes.default(null),
    unseenOnly: fields.unseenOnly.default(false),
    timeoutMs: fields.timeoutMs.default(10_000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.signing === "own" && !v.secret)
      ctx.addIssue({ code: "custom", path: ["secret"], message: "is required to re-sign with a secret of the destination's own" });
  });
export type RelayDestinationInput = z.infer<typeof relayDestinationSchema>;

export const relayDestinationPatchSchema = z.object(fields).partial().strict();
export type RelayDestinationPatch = z.infer<typeof relayDestinationPatchSchema>;

const timelineFilter = z
  .object({
    type: z.string().max(40).optional(),
    messageType: z.string().max(40).optional(),
    sourceType: z.enum(RELAY_SOURCE_TYPES).optional(),
    userId: z.string().max(64).optional(),
    groupId: z.string().max(64).optional(),
    roomId: z.string().max(64).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    redelivery: z.boolean().optional(),
  })
  .strict();

/** Replay: what (one event, one delivery, a timeline filter) to where (a destination, or a one-off URL). */
export const relayReplaySchema = z
  .object({
    scope: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("event"), eventId: z.number().int().positive() }),
      z.object({ kind: z.literal("delivery"), deliveryId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a delivery id") }),
      z.object({ kind: z.literal("filter"), filter: timelineFilter }),
    ]),
    target: z.union([z.object({ destinationId: z.number().int().positive() }).strict(), z.object({ url, secret: secret.optional() }).strict()]),
    /** Events a second; a bulk replay goes no faster. */
    perSecond: z.number().int().min(1).max(100).default(10),
    /** The count the operator confirmed: the replay is refused when the events have changed since. */
    expectedCount: z.number().int().min(0).optional(),
  })
  .strict();
export type RelayReplayInput = z.infer<typeof relayReplaySchema>;

export const relayLogQuerySchema = z.object({
  outcome: z.enum(["pending", "succeeded", "refused", "expired", "cancelled", "failing"]).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
