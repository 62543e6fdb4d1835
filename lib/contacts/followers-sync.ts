import { isHttpFetchError } from "@/lib/line/line-errors";
import type { Db } from "@/db/client";
import { markUnlistedFollowersBlocked, upsertFollowers } from "@/db/queries/friends";
import { enqueueJob, enqueueJobs, expediteJob } from "@/db/queries/jobs";
import { setLineSync } from "@/db/queries/line-syncs";
import type { JobHandler } from "@/lib/platform/background/job-worker";
import { CONTACT_JOBS } from "./job-kinds";
import { rateSpacingMs, reserveLineRate } from "@/lib/line/rates";
import type { LineJobOptions } from "@/lib/line/rates";

export const FOLLOWERS_SYNC = "followers";
const DAY_MS = 24 * 3_600_000;
const PAGE = 1000;

interface SyncPayload {
  start?: string;
  startedAt?: string;
  pages?: number;
  listed?: number;
}

/**
 * LINE's follower id list, page by page (one page per run, so a 100,000-friend account is a hundred
 * short runs, paced by the rate budget, resumable after a crash from the saved `start` token). Every
 * listed id is a friend; after the last page, friends the list left out have blocked the account. The
 * list is only for verified and premium accounts: 403 is recorded as "not available" and tried again
 * a day later. The job then reschedules itself for the next day.
 */
export function followersSyncJob(options: LineJobOptions): JobHandler {
  return async (job, { db }) => {
    const { channelId } = job.payload as { channelId: number };
    const p = job.payload as SyncPayload & { channelId: number };
    const startedAt = p.startedAt ? new Date(p.startedAt) : new Date();
    const base = { channelId, name: FOLLOWERS_SYNC };
    if (!p.startedAt) await setLineSync(db, { ...base, status: "running", startedAt, finishedAt: null, details: { listed: 0, pages: 0 } });

    const slot = await reserveLineRate(db, { channelId, kind: "profile", rates: options.rates });
    if (!slot.ok) return { retryAt: slot.retryAt, payload: { ...p, startedAt: startedAt.toISOString() } };

    let page;
    try {
      page = await (await options.clients(channelId)).api.getFollowers(p.start, PAGE);
    } catch (err) {
      const status = isHttpFetchError(err) ? err.status : null;
      if (status === 403) {
        await setLineSync(db, { ...base, status: "not_available", finishedAt: new Date(), details: { reason: "not_available" } });
        return { retryAt: new Date(Date.now() + DAY_MS), payload: { channelId } };
      }
      // The page token lasts 24 h: start over.
      if (status === 400 && p.start) return { retryAt: new Date(), payload: { channelId } };
      if (status === 429) return { retryAt: new Date(Date.now() + 5000), payload: p };
      if (job.attempts >= job.maxAttempts || (status !== null && status < 500)) {
        await setLineSync(db, { ...base, status: "error", finishedAt: new Date(), details: { error: (err as Error).message } });
        return { retryAt: new Date(Date.now() + DAY_MS), payload: { channelId } };
      }
      throw err;
    }

    const fresh = await upsertFollowers(db, { channelId, userIds: page.userIds, syncStartedAt: startedAt });
    const spacingMs = rateSpacingMs("profile", options.rates);
    await enqueueJobs(db, {
      kind: CONTACT_JOBS.profile,
      spacingMs,
      jobs: fresh.map((userId) => ({ key: `${channelId}:${userId}`, payload: { channelId, userId } })),
    });
    const listed = (p.listed ?? 0) + page.userIds.length;
    const pages = (p.pages ?? 0) + 1;
    if (page.next) {
      await setLineSync(db, { ...base, status: "running", details: { listed, pages } });
      // The next page when this page's new profiles have had their turn: both share one rate budget.
      return {
        retryAt: new Date(Date.now() + fresh.length * spacingMs),
        payload: { channelId, start: page.next, startedAt: startedAt.toISOString(), pages, listed },
      };
    }
    const blocked = await markUnlistedFollowersBlocked(db, { channelId, syncStartedAt: startedAt });
    await setLineSync(db, { ...base, status: "ok", finishedAt: new Date(), details: { listed, pages, markedBlocked: blocked } });
    return { retryAt: new Date(Date.now() + DAY_MS), payload: { channelId } };
  };
}

/** Queue the daily sync and the profile refresh if they are not queued yet (server start). */
export async function scheduleContactSyncs(db: Db, params: { channelId: number }) {
  const payload = { channelId: params.channelId };
  await enqueueJob(db, { kind: CONTACT_JOBS.followersSync, key: String(params.channelId), payload });
  await enqueueJob(db, { kind: CONTACT_JOBS.profilesRefresh, key: String(params.channelId), payload, runAt: new Date(Date.now() + 60_000) });
}

/** An admin's "sync now": answers false if a sync is running at this moment. */
export async function syncFollowersNow(db: Db, params: { channelId: number }) {
  return expediteJob(db, { kind: CONTACT_JOBS.followersSync, key: String(params.channelId), payload: { channelId: params.channelId } });
}
