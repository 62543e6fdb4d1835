import type { FriendStatus } from "@/lib/contacts/statuses";
import { isStorableDate } from "@/lib/utils/storable-date";

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

// Opaque to clients: base64url of JSON [sort, value, userId], so a cursor cannot be replayed on another sort.
export function encodeFriendCursor(sort: FriendSort, c: FriendCursor): string {
  return Buffer.from(JSON.stringify([sort, c.v, c.u])).toString("base64url");
}

export function decodeFriendCursor(sort: FriendSort, s: string): FriendCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== sort) return null;
    const [, v, u] = parsed;
    if (typeof v !== "string" || typeof u !== "string" || !/^U[0-9a-f]{32}$/.test(u) || v.includes("\u0000")) return null;
    if (sort === "name") return { v, u };
    // Sent to the database as text: in the one form it surely reads.
    const at = new Date(v);
    return isStorableDate(at) ? { v: at.toISOString(), u } : null;
  } catch {
    return null;
  }
}

/** LINE user ids: U and 32 hex digits. A query that looks like the start of one searches ids, not names. */
export function userIdPrefix(normalizedQuery: string): string | null {
  return /^u[0-9a-f]{6,32}$/.test(normalizedQuery) ? `U${normalizedQuery.slice(1)}` : null;
}
