import { friendStatusCounts } from "@/db/queries/friends";
import { getLineSync } from "@/db/queries/line-syncs";
import { FOLLOWERS_SYNC } from "@/lib/contacts/followers-sync";
import { apiRoute } from "@/lib/runtime/api-route";

/** How many friends per status, and how the follower sync with LINE is doing. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => {
  const counts = await friendStatusCounts(db, { channelId });
  const sync = await getLineSync(db, { channelId, name: FOLLOWERS_SYNC });
  return {
    counts: { friend: counts.friend ?? 0, blocked: counts.blocked ?? 0, unknown: counts.unknown ?? 0 },
    followersSync: sync
      ? { status: sync.status, startedAt: sync.startedAt?.toISOString() ?? null, finishedAt: sync.finishedAt?.toISOString() ?? null, details: sync.details }
      : null,
  };
});
