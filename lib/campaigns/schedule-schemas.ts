import { z } from "zod";
import { encodeTimeIdCursor, timeIdCursorSchema } from "@/lib/platform/http/time-id-cursor";
import type { SCHEDULE_KINDS, SCHEDULE_REPEATS } from "@/db/schema/campaigns";
import { custom, customCheck } from "@/lib/line/messages/common";
import { sendBodySchemas } from "@/lib/sends/send-schemas";
import { isTimeZone } from "./recurrence";

// POST /api/schedules, PATCH /api/schedules/:id and their reads: one schema per body, shared by the
// handlers and the scheduling form. The send itself (`request`) is checked exactly as POST
// /api/messages/<kind> checks it, so a send that would be refused is refused now, not at its time.

export const SCHEDULE_KIND_VALUES = ["push", "multicast", "broadcast", "narrowcast"] as const satisfies readonly (typeof SCHEDULE_KINDS)[number][];
export const SCHEDULE_REPEAT_VALUES = ["none", "daily", "weekly", "monthly"] as const satisfies readonly (typeof SCHEDULE_REPEATS)[number][];

/** A send is scheduled at least this far ahead (a time already passing is a send now, not a schedule). */
export const SCHEDULE_MIN_LEAD_MS = 5_000;
/** …and at most a year ahead. */
export const SCHEDULE_MAX_AHEAD_MS = 366 * 86_400_000;

const instant = z.iso.datetime({ offset: true });

const runAtSchema = instant
  .refine((v) => Date.parse(v) >= Date.now() + SCHEDULE_MIN_LEAD_MS, custom("must be at least 5 seconds from now", "validation.scheduleTooSoon"))
  .refine((v) => Date.parse(v) <= Date.now() + SCHEDULE_MAX_AHEAD_MS, custom("must be within a year from now", "validation.scheduleTooFar"));

const timeZoneSchema = z.string().refine(isTimeZone, customCheck("must be an IANA time zone such as Asia/Tokyo", "validation.timeZone"));

/** The body of POST /api/messages/<kind>, as stored and sent at its time (no retryKey: the schedule makes one). */
const requestSchema = z.record(z.string(), z.unknown());

const titleSchema = z.string().trim().max(120);

export const createScheduleBodySchema = z
  .object({
    kind: z.enum(SCHEDULE_KIND_VALUES),
    request: requestSchema.optional(),
    /** A saved draft, read at each start instead of `request` (recurring sends from a draft). */
    draftId: z.uuid().optional(),
    runAt: runAtSchema,
    timeZone: timeZoneSchema,
    repeat: z.enum(SCHEDULE_REPEAT_VALUES).default("none"),
    repeatUntil: instant.optional(),
    title: titleSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.request === undefined) === (b.draftId === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["request"],
        ...custom("give either request (the send) or draftId (a saved draft), not both", "validation.requestOrDraft"),
      });
    }
    if (b.request !== undefined) checkRequest(b.kind, b.request, ctx);
    checkRepeatUntil(b, ctx);
  });
export type CreateScheduleBody = z.infer<typeof createScheduleBodySchema>;

export const updateScheduleBodySchema = z
  .object({
    /** The version the change was made to: a newer one wins (409 schedule_changed). */
    version: z.number().int().min(1),
    runAt: runAtSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    /** Checked against the schedule's kind by the handler (the body does not name it). */
    request: requestSchema.optional(),
    repeat: z.enum(SCHEDULE_REPEAT_VALUES).optional(),
    repeatUntil: instant.nullable().optional(),
    title: titleSchema.optional(),
  })
  .strict();
export type UpdateScheduleBody = z.infer<typeof updateScheduleBodySchema>;

export const confirmScheduleBodySchema = z.object({ action: z.enum(["send", "cancel"]) }).strict();

export const listSchedulesQuerySchema = z
  .object({
    status: z.enum(["upcoming", "past", "all"]).default("upcoming"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: timeIdCursorSchema("[0-9a-f-]{36}")
      .transform((c) => ({ runAt: c.at, id: c.id }))
      .optional(),
  })
  .strict();

export function encodeScheduleCursor(s: { runAt: Date; id: string }) {
  return encodeTimeIdCursor(s.runAt, s.id);
}

export const scheduleWarningsQuerySchema = z
  .object({
    at: instant,
    kind: z.enum(SCHEDULE_KIND_VALUES).optional(),
  })
  .strict();

/**
 * Check a send's body as POST /api/messages/<kind> would, naming problems under `request` (LINE-style:
 * request.messages[0].text). Its output is what is stored.
 */
export function parseScheduledRequest(kind: (typeof SCHEDULE_KIND_VALUES)[number], request: unknown) {
  // A retry key is the caller's idempotency key for one POST; a schedule's starts make their own.
  const { retryKey, ...body } =
    request && typeof request === "object" && !Array.isArray(request) ? (request as Record<string, unknown>) : { retryKey: undefined };
  return z
    .object({ request: sendBodySchemas[kind] })
    .superRefine((_, ctx) => {
      if (retryKey !== undefined) ctx.addIssue({ code: "unrecognized_keys", keys: ["retryKey"], path: ["request"], message: "is not a known parameter" });
    })
    .parse({ request: request && typeof request === "object" && !Array.isArray(request) ? body : request }).request;
}

function checkRequest(kind: (typeof SCHEDULE_KIND_VALUES)[number], request: unknown, ctx: z.RefinementCtx) {
  try {
    parseScheduledRequest(kind, request);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    for (const issue of err.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  }
}

function checkRepeatUntil(b: { repeat: string; repeatUntil?: string; runAt: string }, ctx: z.RefinementCtx) {
  if (b.repeatUntil === undefined) return;
  if (b.repeat === "none") {
    ctx.addIssue({ code: "custom", path: ["repeatUntil"], ...custom("is only for a send that repeats", "validation.repeatUntilWithoutRepeat") });
  } else if (Date.parse(b.repeatUntil) <= Date.parse(b.runAt)) {
    ctx.addIssue({ code: "custom", path: ["repeatUntil"], ...custom("must be after runAt", "validation.repeatUntilBeforeRunAt") });
  }
}
