import type { Db } from "@/db/client";
import { claimDuePolls, saveProgress } from "@/db/queries/sends";
import type { ClientsFor } from "@/lib/line/clients";
import { classifyError } from "./classify";

/**
 * The errorCode of a failed narrowcast's progress (LINE's documentation): 1 internal error or quota,
 * 2 too few recipients, 3 a duplicate retry key, 4 an audience under 50 people, 5 cancelled so that not
 * only part of the audience would get it. Each has a plain-words explanation in the catalogues.
 */
export const NARROWCAST_ERROR_CODES = [1, 2, 3, 4, 5] as const;

// LINE accepts a narrowcast (202) and works on it for seconds to minutes: waiting → sending →
// succeeded | failed. Each accepted narrowcast is polled, by whichever instance leases it, until final.

export async function pollNarrowcasts(db: Db, clients: ClientsFor, opts: { limit?: number } = {}) {
  const due = await claimDuePolls(db, { limit: opts.limit ?? 10, leaseMs: 30_000 });
  await Promise.all(due.map((d) => pollOne(db, clients, d)));
  return due.length;
}

async function pollOne(db: Db, clients: ClientsFor, d: { id: string; channelId: number; requestId: string | null; createdAt: string | Date }) {
  const age = Date.now() - new Date(d.createdAt).getTime();
  if (!d.requestId) {
    await saveProgress(db, {
      sendId: d.id,
      progress: { phase: "failed" },
      final: "failed",
      nextPollAt: null,
      error: { reason: "no_request_id", message: "LINE did not return a request id" },
    });
    return;
  }
  try {
    const res = await (await clients(d.channelId)).api.getNarrowcastProgressWithHttpInfo(d.requestId);
    // acceptedTime / completedTime are typed Date by the SDK but arrive as ISO strings; kept as sent.
    const progress = res.body as unknown as Record<string, unknown>;
    const phase = progress.phase;
    if (phase === "succeeded") {
      await saveProgress(db, { sendId: d.id, progress, final: "sent", nextPollAt: null, recipientCount: numberOr(progress.successCount) });
    } else if (phase === "failed") {
      await saveProgress(db, {
        sendId: d.id,
        progress,
        final: "failed",
        nextPollAt: null,
        recipientCount: numberOr(progress.successCount),
        error: { reason: "narrowcast_failed", errorCode: progress.errorCode ?? null, message: String(progress.failedDescription ?? "Narrowcast failed") },
      });
    } else {
      await saveProgress(db, { sendId: d.id, progress, final: null, nextPollAt: new Date(Date.now() + interval(age)) });
    }
  } catch (err) {
    const outcome = classifyError(err);
    // A progress that is not there yet (just accepted) or a passing error: look again later.
    await saveProgress(db, {
      sendId: d.id,
      progress: { phase: "unknown", lastError: { status: outcome.status, message: "message" in outcome ? outcome.message : "" } },
      final: null,
      nextPollAt: new Date(Date.now() + interval(age) * 2),
    });
  }
}

// Quick at first (most small narrowcasts finish in seconds), then easing off to once a minute.
function interval(ageMs: number) {
  if (ageMs < 15_000) return 1_000;
  if (ageMs < 120_000) return 5_000;
  if (ageMs < 900_000) return 15_000;
  return 60_000;
}

function numberOr(v: unknown) {
  return typeof v === "number" ? v : null;
}
