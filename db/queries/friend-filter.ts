import type { FriendStatus } from "../schema/enums";

/**
 * Which friends a list, an export or a segment means. Every field narrows (AND); within a field the
 * values are alternatives (OR), except tagsAll. Dates are absolute here: a saved segment's relative
 * "active in the last 30 days" becomes a date when it is used (lib/segments/segment-schema.ts).
 */
export interface FriendFilter {
  q?: string;
  statuses?: FriendStatus[];
  languages?: string[];
  tagsAny?: string[];
  tagsAll?: string[];
  tagsNone?: string[];
  activeSince?: Date;
  activeBefore?: Date;
  firstSeenSince?: Date;
  firstSeenBefore?: Date;
}

export const FRIEND_SORTS = ["lastActive", "firstSeen", "name"] as const;
export type FriendSort = (typeof FRIEND_SORTS)[number];

export interface FriendCursor {
  /** The sort column's value of the last row: ISO time, or the name key. */
  v: string;
  u: string;
}

/** LINE user ids: U and 32 hex digits. A query that looks like the start of one searches ids, not names. */
export function userIdPrefix(normalizedQuery: string): string | null {
  return /^u[0-9a-f]{6,32}$/.test(normalizedQuery) ? `U${normalizedQuery.slice(1)}` : null;
}
