import { isHttpFetchError } from "@/lib/line/line-errors";
import { friendUserIds } from "@/db/queries/friends";
import { getAudience, getSegment, updateAudience } from "@/db/queries/segments";
import type { AudienceStatus } from "@/db/schema/segments";
import { reserveLineRate } from "@/lib/line/rates";
import type { LineJobOptions } from "@/lib/line/rates";
import type { JobHandler } from "@/lib/platform/background/job-worker";
import { segmentFilterSchema, segmentToFriendFilter } from "./segment-schema";

/** LINE takes at most 10,000 ids per audience upload request. */
export const AUDIENCE_UPLOAD_IDS = 10_000;

interface AudiencePayload {
  audienceId: string;
  /** Upload phase: ids after this one are still to be sent (ids go in id order). */
  after?: string;
  phase?: "upload" | "poll";
  polls?: number;
}

/**
 * Upload a segment to LINE as an audience, 10,000 ids a request (the first request creates it, the next
 * ones add to it), then follow its status until LINE says READY (or FAILED/EXPIRED). Every request
 * takes a slot of the 60/min audience budget. The segment is resolved as it is at upload time.
 *
 * LINE's create request has no retry key: the audience group id is saved as soon as LINE answers, and
 * a crash in between (very rare) can leave one extra, unused audience on LINE.
 */
export function audienceUploadJob(options: LineJobOptions): JobHandler {
  return async (job, { db }) => {
    const p = job.payload as AudiencePayload;
    const audience = await getAudience(db, { id: p.audienceId });
    if (!audience) return;
    const slot = await reserveLineRate(db, { channelId: audience.channelId, kind: "audience", rates: options.rates });
    if (!slot.ok) return { retryAt: slot.retryAt, holdKind: true };
    const client = (await options.clients(audience.channelId)).audience;

    try {
      if ((p.phase ?? "upload") === "upload") {
        const segment = audience.segmentId ? await getSegment(db, { channelId: audience.channelId, id: audience.segmentId }) : undefined;
        if (!segment) return void (await updateAudience(db, { id: audience.id, status: "error", error: "segment_deleted" }));
        const filter = segmentToFriendFilter(segmentFilterSchema.parse(segment.filter));
        const ids = await friendUserIds(db, { channelId: audience.channelId, filter, after: p.after, limit: AUDIENCE_UPLOAD_IDS });
        if (audience.audienceGroupId === null) {
          if (ids.length === 0) return void (await updateAudience(db, { id: audience.id, status: "error", error: "segment_empty" }));
          const created = await client.createAudienceGroup({
            description: audience.description,
            audiences: ids.map((id) => ({ id })),
            uploadDescription: `oa-console ${segment.id}`,
          });
          await updateAudience(db, { id: audience.id, audienceGroupId: Number(created.audienceGroupId), addUploaded: ids.length, status: "uploading" });
        } else if (ids.length > 0) {
          await client.addAudienceToAudienceGroup({ audienceGroupId: audience.audienceGroupId, audiences: ids.map((id) => ({ id })) });
          await updateAudience(db, { id: audience.id, addUploaded: ids.length });
        }
        if (ids.length === AUDIENCE_UPLOAD_IDS) return { retryAt: new Date(), payload: { ...p, after: ids.at(-1) } };
        await updateAudience(db, { id: audience.id, status: "in_progress" });
        return { retryAt: new Date(Date.now() + 2000), payload: { audienceId: p.audienceId, phase: "poll", polls: 0 } };
      }

      if (audience.audienceGroupId === null) return;
      const data = await client.getAudienceData(audience.audienceGroupId);
      const status = toStatus(data.audienceGroup?.status);
      await updateAudience(db, { id: audience.id, status, audienceCount: data.audienceGroup?.audienceCount ?? null, error: null });
      if (status !== "in_progress" && status !== "activating") return;
      const polls = (p.polls ?? 0) + 1;
      return { retryAt: new Date(Date.now() + Math.min(60_000, 2000 * 1.5 ** Math.min(polls, 10))), payload: { ...p, polls } };
    } catch (err) {
      const status = isHttpFetchError(err) ? err.status : null;
      if (status === 429) return { retryAt: new Date(Date.now() + 15_000), holdKind: true };
      if ((status !== null && status < 500) || job.attempts >= job.maxAttempts) {
        await updateAudience(db, { id: audience.id, status: "error", error: lineMessage(err) });
        return;
      }
      throw err;
    }
  };
}

function toStatus(s: string | undefined): AudienceStatus {
  const lower = (s ?? "").toLowerCase();
  return (["in_progress", "ready", "failed", "expired", "inactive", "activating"] as const).find((x) => x === lower) ?? "in_progress";
}

// An audience's error is one of our codes (errors.codes.*, translated in the console) or LINE's own
// words prefixed "LINE <status>:", shown as LINE wrote them.
function lineMessage(err: unknown): string {
  if (isHttpFetchError(err)) {
    try {
      return `LINE ${err.status}: ${(JSON.parse(err.body) as { message?: string }).message ?? err.statusText}`;
    } catch {
      return `LINE ${err.status}`;
    }
  }
  return (err as Error).message;
}
