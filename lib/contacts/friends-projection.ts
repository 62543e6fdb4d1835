import type { Db } from "@/db/client";
import {
  applyChatChanges,
  applyFriendChanges,
  applyMemberChanges,
  currentSnapshot,
  eventsForProjection,
  insertMedia,
  lastAllocatedEventId,
} from "@/db/queries/friends-projection";
import { advanceProjection, enqueueJobs, getProjectionPosition } from "@/db/queries/jobs";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { MEDIA_JOB } from "@/lib/media/jobs";
import { CONTACT_JOBS } from "./job-kinds";
import { projectEvents } from "@/lib/events/types/contacts";

export const FRIENDS_PROJECTION = "friends";

// Keeps friends, chats, chat members and media rows up to date from the event store, in event id order,
// a bounded batch per transaction, on whichever instance gets there first:
//
// - One at a time: the batch's transaction first moves the position, and only from where the batch was
//   read (compare and set). That row lock makes another instance wait for the commit, then find the
//   position moved and drop its batch; so a batch is applied exactly once (and applying it twice would
//   change nothing anyway: see project-events.ts).
// - Never skipping an event: ids are handed out when a row is inserted, not when it commits, so on
//   PostgreSQL event 11 can be visible while event 10's transaction is still open. Reading "id > position"
//   then would step over 10 for good. So the projection only reads up to a horizon: the highest id
//   allocated at some moment T, once every transaction that was running at a snapshot taken at least
//   SETTLE_MS after T has finished (snapshot xmin ≥ that snapshot's xmax). Gaps below the horizon are
//   then rolled back or conflicting inserts (ON CONFLICT DO NOTHING consumes ids), never late commits.
//   SETTLE_MS covers the instant between a row taking its id and its transaction taking its xid.

const BATCH = 500;
// While LINE's deliveries are arriving: the batch's transaction holds PGlite's one connection, and a
// webhook write waits for it to end (500 events took 50–100 ms; 100 take about a fifth of that).
const BUSY_BATCH = 100;
const SETTLE_MS = 50;

export function createFriendsProjection(options: { db: Db; batchSize?: number; name?: string; busy?: () => boolean }) {
  const db = options.db;
  const name = options.name ?? FRIENDS_PROJECTION;
  const fullBatch = options.batchSize ?? BATCH;
  let horizon = 0;
  // Ids seen allocated, waiting for a later snapshot; then waiting for that snapshot's transactions.
  let marks: Array<{ seq: number; at: number }> = [];
  let pairs: Array<{ seq: number; xmax: bigint }> = [];

  // The last position this instance saw: when no new id was handed out since, a tick costs one query.
  let knownPosition = -1;

  async function advanceHorizon() {
    const now = Date.now();
    const seq = await lastAllocatedEventId(db);
    if (seq <= knownPosition && marks.length === 0 && pairs.length === 0) return null;
    const snap = await currentSnapshot(db);
    for (const p of pairs) if (p.xmax <= snap.xmin) horizon = Math.max(horizon, p.seq);
    pairs = pairs.filter((p) => p.xmax > snap.xmin);
    const settled = marks.filter((m) => now - m.at >= SETTLE_MS);
    if (settled.length) {
      const seqMax = Math.max(...settled.map((m) => m.seq));
      // With no transaction running, this snapshot already covers the settled marks.
      if (snap.xmax <= snap.xmin) horizon = Math.max(horizon, seqMax);
      else pairs.push({ seq: seqMax, xmax: snap.xmax });
      marks = marks.filter((m) => now - m.at < SETTLE_MS);
    }
    if (seq > horizon && !marks.some((m) => m.seq >= seq)) marks.push({ seq, at: now });
    return seq;
  }

  /** One batch: answers how many events it applied (0 when caught up or another instance got there first). */
  async function tick(): Promise<number> {
    if ((await advanceHorizon()) === null) return 0;
    const position = await getProjectionPosition(db, { name });
    knownPosition = position;
    // Nothing settled yet: the next tick (the runner's idle interval) looks again.
    if (horizon <= position) return 0;
    // Read and work out the batch before the transaction: nothing below the horizon changes any more, so
    // the transaction holds the database only for its writes (on PGlite, one thread serves everyone).
    const batchSize = options.busy?.() ? Math.min(fullBatch, BUSY_BATCH) : fullBatch;
    const batch = await eventsForProjection(db, { after: position, upTo: horizon, limit: batchSize });
    const projection = projectEvents(batch);
    // A short batch read everything up to the horizon: nothing else will appear below it.
    const next = batch.length < batchSize ? horizon : batch.at(-1)!.id;
    // Every statement of the transaction is sent at once, none waits for another's answer: a transaction
    // holds PGlite's one connection until it ends, and a round trip per statement through a busy web
    // server's thread kept the webhook's writes waiting for tens of milliseconds. So the jobs are queued
    // for every friend, chat and media item of the batch, once per key: those seen before have theirs
    // already (job keys are kept), and the new ones get one.
    const applied = await db
      .transaction(async (tx) => {
        const [moved] = await Promise.all([
          advanceProjection(tx, { name, from: position, to: next }),
          applyFriendChanges(tx, projection.friends),
          applyChatChanges(tx, projection.chats),
          applyMemberChanges(tx, projection.members),
          insertMedia(tx, projection.media),
          enqueueJobs(tx, { kind: CONTACT_JOBS.profile, jobs: projection.friends.filter((f) => !f.followed).map((f) => profileJob(f.channelId, f.userId)) }),
          // A follow (new friend or unblock) asks for the profile again even if it was fetched before.
          enqueueJobs(tx, {
            kind: CONTACT_JOBS.profile,
            reschedule: true,
            jobs: projection.friends.filter((f) => f.followed).map((f) => profileJob(f.channelId, f.userId)),
          }),
          enqueueJobs(tx, { kind: CONTACT_JOBS.chatInfo, jobs: projection.chats.filter((c) => !c.refresh).map(chatInfoJob) }),
          enqueueJobs(tx, { kind: CONTACT_JOBS.chatInfo, reschedule: true, jobs: projection.chats.filter((c) => c.refresh).map(chatInfoJob) }),
          enqueueJobs(tx, {
            kind: MEDIA_JOB,
            jobs: projection.media
              .filter((m) => !m.external)
              .map((m) => ({ key: `${m.channelId}:${m.messageId}`, payload: { channelId: m.channelId, messageId: m.messageId, messageType: m.messageType } })),
          }),
        ]);
        // Another instance moved the position since it was read: its batch overlapped this one. Undo.
        if (!moved) throw new LostRace();
        return { next, count: Math.max(batch.length, 1) };
      })
      .catch((err: unknown) => {
        if (err instanceof LostRace) return null;
        throw err;
      });
    if (!applied) return 0;
    knownPosition = applied.next;
    return applied.count;
  }

  return { tick, name };
}

/** The projection as a background task of this instance (lib/platform/background/instance.ts). */
export function friendsProjectionTask(db: Db, options: { busy?: () => boolean } = {}): BackgroundTask {
  const projection = createFriendsProjection({ db, busy: options.busy });
  return { name: "friends-projection", tick: projection.tick };
}

class LostRace extends Error {}

function chatInfoJob(c: { channelId: number; chatId: string; type: string }) {
  return { key: `${c.channelId}:${c.chatId}`, payload: { channelId: c.channelId, chatId: c.chatId, type: c.type } };
}

function profileJob(channelId: number, userId: string) {
  return { key: `${channelId}:${userId}`, payload: { channelId, userId } };
}
