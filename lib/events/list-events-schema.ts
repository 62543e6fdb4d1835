import { z } from "zod";
import { instantParam } from "@/lib/platform/http/date-params";
import { decodeCursor } from "./cursor";
import { EVENT_TYPE_PATTERN, idPattern, SEARCH_MAX_LENGTH, SOURCE_TYPES } from "./event-filter-rules";

const id = (prefix: "U" | "C" | "R", label: string) => z.string().regex(idPattern(prefix), `must be a ${label} id (${prefix} followed by 32 hex digits)`);

const boolParam = z.enum(["true", "false"], "must be true or false").transform((v) => v === "true");

/** GET /api/events query, shared by the timeline's filter bar and the route handler. */
export const listEventsQuerySchema = z
  .object({
    type: z.string().regex(EVENT_TYPE_PATTERN, "must be an event type such as message or follow").optional(),
    messageType: z.string().regex(EVENT_TYPE_PATTERN, "must be a message type such as text").optional(),
    sourceType: z.enum(SOURCE_TYPES, "must be user, group or room").optional(),
    userId: id("U", "user").optional(),
    groupId: id("C", "group").optional(),
    roomId: id("R", "room").optional(),
    q: z.string().trim().min(1, "must not be empty").max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`).optional(),
    from: instantParam.optional(),
    to: instantParam.optional(),
    redelivery: boolParam.optional(),
    limit: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
    cursor: z
      .string()
      .transform((s, ctx) => {
        const c = decodeCursor(s);
        if (!c) {
          ctx.addIssue({ code: "custom", message: "is not a cursor returned by this API" });
          return z.NEVER;
        }
        return c;
      })
      .optional(),
    minId: z.coerce.number().int().min(1).optional(),
    maxId: z.coerce.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if ((v.minId === undefined) !== (v.maxId === undefined)) ctx.addIssue({ code: "custom", path: ["minId"], message: "minId and maxId go together" });
  });

export type ListEventsQuery = z.infer<typeof listEventsQuerySchema>;

/** /api/events/:id and /events/:id: an event's number. */
export const eventIdParams = z.object({ id: z.coerce.number("must be an event id").int().positive("must be an event id") });
