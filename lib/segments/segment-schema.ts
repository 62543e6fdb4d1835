import { z } from "zod";
import { FRIEND_STATUSES } from "@/lib/contacts/statuses";
import type { FriendFilter } from "@/db/queries/friend-filter";
import { tagNameSchema } from "@/lib/contacts/tag-schema";
import { isStorableDate } from "@/lib/utils/storable-date";

// A saved segment: a filter over tags, status, language, last active and first seen. Times are
// relative ("active in the last 30 days") so the segment keeps meaning the same thing; first-seen can
// also be a fixed date range (friends who came during a campaign). One schema for the editor's form
// and the route handlers.

const days = z.number().int().min(1).max(3650);
// Year 0000 is valid ISO 8601 but no PostgreSQL date.
const isoDate = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .refine((v) => isStorableDate(new Date(v)), "must be a date between the years 1 and 9999");

export const segmentFilterSchema = z
  .object({
    statuses: z.array(z.enum(FRIEND_STATUSES)).min(1).max(3).default(["friend"]),
    tags: z.object({ mode: z.enum(["any", "all"]).default("any"), values: z.array(tagNameSchema).max(20).default([]) }).default({ mode: "any", values: [] }),
    excludeTags: z.array(tagNameSchema).max(20).default([]),
    languages: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
    lastActive: z.object({ withinDays: days.optional(), notWithinDays: days.optional() }).strict().default({}),
    firstSeen: z
      .object({ withinDays: days.optional(), notWithinDays: days.optional(), after: isoDate.optional(), before: isoDate.optional() })
      .strict()
      .default({}),
  })
  .strict();

export type SegmentFilter = z.infer<typeof segmentFilterSchema>;
export type SegmentFilterInput = z.input<typeof segmentFilterSchema>;

export const segmentBodySchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
    filter: segmentFilterSchema,
  })
  .strict();

export const segmentPatchSchema = segmentBodySchema.partial().strict();

/** POST /api/segments/count: the size of a filter being edited. */
export const segmentCountBodySchema = z.object({ filter: segmentFilterSchema }).strict();

/** The filter as of `now`: relative days become dates. */
export function segmentToFriendFilter(f: SegmentFilter, now = new Date()): FriendFilter {
  const ago = (d: number) => new Date(now.getTime() - d * 86_400_000);
  const laterOf = (a?: Date, b?: Date) => (a && b ? (a > b ? a : b) : (a ?? b));
  const earlierOf = (a?: Date, b?: Date) => (a && b ? (a < b ? a : b) : (a ?? b));
  return {
    statuses: f.statuses,
    languages: f.languages.length ? f.languages : undefined,
    tagsAny: f.tags.mode === "any" && f.tags.values.length ? f.tags.values : undefined,
    tagsAll: f.tags.mode === "all" && f.tags.values.length ? f.tags.values : undefined,
    tagsNone: f.excludeTags.length ? f.excludeTags : undefined,
    activeSince: f.lastActive.withinDays ? ago(f.lastActive.withinDays) : undefined,
    activeBefore: f.lastActive.notWithinDays ? ago(f.lastActive.notWithinDays) : undefined,
    firstSeenSince: laterOf(f.firstSeen.withinDays ? ago(f.firstSeen.withinDays) : undefined, f.firstSeen.after ? new Date(f.firstSeen.after) : undefined),
    firstSeenBefore: earlierOf(
      f.firstSeen.notWithinDays ? ago(f.firstSeen.notWithinDays) : undefined,
      f.firstSeen.before ? new Date(f.firstSeen.before) : undefined,
    ),
  };
}
