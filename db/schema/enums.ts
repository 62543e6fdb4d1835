// Values of the columns that take one of a few words, as plain constants (no drizzle imports): the
// schema declares its columns with them, and features — browser code included — read them from here
// through their own modules (lib/auth/roles.ts, lib/contacts/statuses.ts).

/** A member's or API key's role, weakest first. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** An API key may also be a monitoring system's: "metrics" reads /api/metrics and nothing else. */
export const API_KEY_ROLES = [...ROLES, "metrics"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/** A member's role on one channel (no row: no access). */
export const CHANNEL_ROLES = ROLES;
/** Where a channel's access token comes from (db/schema/channels.ts). */
export const TOKEN_SOURCES = ["environment", "given", "issued"] as const;
export type TokenSource = (typeof TOKEN_SOURCES)[number];

/** friend: added the account; blocked: blocked it (unfollow); unknown: seen only in a group or room. */
export const FRIEND_STATUSES = ["friend", "blocked", "unknown"] as const;
export type FriendStatus = (typeof FRIEND_STATUSES)[number];
