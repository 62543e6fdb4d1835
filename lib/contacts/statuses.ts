// Plain constants (no database imports), so browser code can use them too.

/** friend: added the account; blocked: blocked it (unfollow); unknown: seen only in a group or room. */
export const FRIEND_STATUSES = ["friend", "blocked", "unknown"] as const;
export type FriendStatus = (typeof FRIEND_STATUSES)[number];
