import type { FriendCursor, FriendSort } from "@/db/queries/friend-filter";
import { isStorableDate } from "@/lib/utils/storable-date";

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
