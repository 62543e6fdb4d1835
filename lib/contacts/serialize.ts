import type { FriendListRow } from "@/db/queries/friends";
import { NEVER_ACTIVE } from "@/db/schema/contacts";

/** A friend as the API returns it (GET /api/contacts items). */
export function serializeFriend(row: FriendListRow, tags: string[]) {
  return {
    userId: row.userId,
    displayName: row.displayName,
    pictureUrl: row.pictureUrl,
    statusMessage: row.statusMessage,
    language: row.language,
    status: row.status,
    tags,
    firstSeenAt: row.firstSeenAt.toISOString(),
    /** null: nothing from them has been seen yet (known from LINE's follower list only). */
    lastActiveAt: row.lastActiveAt.getTime() === NEVER_ACTIVE.getTime() ? null : row.lastActiveAt.toISOString(),
  };
}

export type FriendItem = ReturnType<typeof serializeFriend>;
