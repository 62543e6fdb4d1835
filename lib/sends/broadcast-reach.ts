import type { Db } from "@/db/client";
import { countEventsSince } from "@/db/queries/events";
import { friendStatusCounts } from "@/db/queries/friends";
import { followerStats, type ChannelLine } from "@/lib/line/insight";

/**
 * Who a broadcast reaches — and so how much quota it uses: every friend who has not blocked the
 * account. LINE's insight gives followers and blocks as of a past day (JST); the follows and blocks
 * our webhook has seen since then bring it up to now. (LINE's "targeted reaches" is a different
 * number — the friends whose demographics LINE can estimate, which is what narrowcast filters work on;
 * a broadcast goes to more people than that.) Accounts deleted from LINE since are not known, so it
 * stays an estimate.
 */
export interface BroadcastReach {
  estimate: number;
  /** "line": LINE's figures for `date` plus our events since; "console": the friends the console knows. */
  basis: "line" | "console";
  /** LINE's day (yyyyMMdd, JST) the figures are for. */
  date: string | null;
  followers: number | null;
  blocks: number | null;
  /** Follow events (new friends and unblocks) and unfollow events (blocks) seen since that day ended. */
  followsSince: number;
  blocksSince: number;
  targetedReaches: number | null;
}

export interface FollowerFigures {
  date: string;
  followers: number;
  blocks: number;
  targetedReaches: number;
}

export async function broadcastReach(db: Db, params: ChannelLine): Promise<BroadcastReach> {
  const stats = await followerStats(params).catch(() => null);
  if (!stats) {
    // No insight (a new account, LINE down): the console's own friend list is the best figure left.
    const counts = await friendStatusCounts(db, { channelId: params.channelId });
    return {
      estimate: counts.friend ?? 0,
      basis: "console",
      date: null,
      followers: null,
      blocks: null,
      followsSince: 0,
      blocksSince: 0,
      targetedReaches: null,
    };
  }
  const since = await countEventsSince(db, { channelId: params.channelId, types: ["follow", "unfollow"], since: endOfJstDay(stats.date) });
  return reachFrom(stats, { follows: since.follow ?? 0, unfollows: since.unfollow ?? 0 });
}

/** LINE's day figures brought forward by the follow and unfollow events seen since. */
export function reachFrom(stats: FollowerFigures, since: { follows: number; unfollows: number }): BroadcastReach {
  return {
    estimate: Math.max(0, stats.followers - stats.blocks + since.follows - since.unfollows),
    basis: "line",
    date: stats.date,
    followers: stats.followers,
    blocks: stats.blocks,
    followsSince: since.follows,
    blocksSince: since.unfollows,
    targetedReaches: stats.targetedReaches,
  };
}

/** The first instant after a LINE day (yyyyMMdd in UTC+9): 15:00 UTC of that date. */
export function endOfJstDay(date: string): Date {
  const start = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))) - 9 * 3_600_000;
  return new Date(start + 24 * 3_600_000);
}
