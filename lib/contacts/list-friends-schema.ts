import { z } from "zod";
import { FRIEND_STATUSES } from "@/lib/contacts/statuses";
import { instantParam } from "@/lib/platform/http/date-params";
import { FRIEND_SORTS } from "@/db/queries/friend-filter";
import { tagNameSchema } from "./tag-schema";

/** GET /api/contacts (and its CSV export): shared by the list's filter bar and the route handler. */
export const listFriendsQuerySchema = z
  .object({
    q: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    status: z.enum(FRIEND_STATUSES, "must be friend, blocked or unknown").optional(),
    tag: tagNameSchema.optional(),
    language: z.string().trim().min(1).max(20).optional(),
    activeSince: instantParam.optional(),
    segmentId: z.uuid("must be a segment id").optional(),
    sort: z.enum(FRIEND_SORTS, "must be lastActive, firstSeen or name").default("lastActive"),
    limit: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export type ListFriendsQuery = z.infer<typeof listFriendsQuerySchema>;
