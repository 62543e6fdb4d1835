import { isHttpFetchError } from "@/lib/line/line-errors";
import type { Db } from "@/db/client";
import { anyCurrentChatOf } from "@/db/queries/chats";
import { markProfileError, markProfileNotFound, profilesDue, saveProfile } from "@/db/queries/friends";
import { bringForwardJob, enqueueJobs } from "@/db/queries/jobs";
import type { JobHandler, JobResult } from "@/lib/platform/background/job-worker";
import { CONTACT_JOBS } from "./job-kinds";
import { rateSpacingMs, reserveLineRate, type LineJobOptions } from "@/lib/line/rates";

/** A profile older than this is asked for again (names and pictures change). */
export const PROFILE_TTL_MS = 7 * 24 * 3_600_000;
const REFRESH_EVERY_MS = 3_600_000;
const REFRESH_BATCH = 5000;

/**
 * One friend's profile (job per user, key channel:user). 404 means LINE will not give it — blocked, not
 * a friend, or no consent — and is remembered until the next refresh rather than asked again; for a
 * member of a group or room, the member profile still gives a name and picture.
 */
export function profileJob(options: LineJobOptions): JobHandler {
  return async (job, { db }) => {
    const { channelId, userId, memberOnly } = job.payload as { channelId: number; userId: string; memberOnly?: boolean };
    // Came back for the member profile only: the friend profile's 404 is already recorded.
    if (memberOnly) return memberProfile(options, db, channelId, userId, new Date());
    const slot = await reserveLineRate(db, { channelId, kind: "profile", rates: options.rates });
    if (!slot.ok) return { retryAt: slot.retryAt, holdKind: true };
    const askedAt = new Date();
    try {
      const profile = await (await options.clients(channelId)).api.getProfile(userId);
      await saveProfile(db, { channelId, userId, askedAt, profile, friend: true });
      return;
    } catch (err) {
      const status = isHttpFetchError(err) ? err.status : null;
      if (status === 404) {
        await markProfileNotFound(db, { channelId, userId, askedAt });
        return memberProfile(options, db, channelId, userId, askedAt);
      }
      if (status === 429) return { retryAt: new Date(Date.now() + 2000 + Math.random() * 3000), holdKind: true };
      if (status !== null && status < 500) {
        await markProfileError(db, { channelId, userId });
        return;
      }
      if (job.attempts >= job.maxAttempts) await markProfileError(db, { channelId, userId });
      throw err;
    }
  };
}

// Group and room member profiles work for people who are not friends: name and picture only.
async function memberProfile(
  options: LineJobOptions,
  db: Parameters<JobHandler>[1]["db"],
  channelId: number,
  userId: string,
  askedAt: Date,
): Promise<JobResult> {
  const chat = await anyCurrentChatOf(db, { channelId, userId });
  if (!chat) return;
  const slot = await reserveLineRate(db, { channelId, kind: "profile", rates: options.rates });
  // The window is used up (or about to end): come back for this part alone.
  if (!slot.ok) return { retryAt: slot.retryAt, payload: { channelId, userId, memberOnly: true }, holdKind: true };
  try {
    const api = (await options.clients(channelId)).api;
    const profile = chat.type === "group" ? await api.getGroupMemberProfile(chat.chatId, userId) : await api.getRoomMemberProfile(chat.chatId, userId);
    await saveProfile(db, { channelId, userId, askedAt, profile, friend: false });
  } catch {
    // Left the chat meanwhile, or LINE is busy: the friend profile's 404 is already recorded.
  }
}

/**
 * An operator is looking at a friend whose profile is still queued (the start-up follower sync queues
 * thousands, spaced at the profile rate): fetch theirs next rather than in its turn.
 */
export async function askProfileSoon(db: Db, params: { channelId: number; userId: string }) {
  return bringForwardJob(db, { kind: CONTACT_JOBS.profile, key: `${params.channelId}:${params.userId}` });
}

/** Hourly: queue a refresh of profiles older than PROFILE_TTL_MS, a bounded batch at a time. */
export function profilesRefreshJob(): JobHandler {
  return async (job, { db }) => {
    const { channelId } = job.payload as { channelId: number };
    const due = await profilesDue(db, { channelId, olderThan: new Date(Date.now() - PROFILE_TTL_MS), limit: REFRESH_BATCH });
    await enqueueJobs(db, {
      kind: CONTACT_JOBS.profile,
      reschedule: true,
      spacingMs: rateSpacingMs("profile"),
      jobs: due.map((userId) => ({ key: `${channelId}:${userId}`, payload: { channelId, userId } })),
    });
    return { retryAt: new Date(Date.now() + (due.length === REFRESH_BATCH ? 60_000 : REFRESH_EVERY_MS)) };
  };
}
